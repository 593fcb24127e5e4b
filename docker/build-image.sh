#!/usr/bin/env bash
# Builds the Eddy image FROM scratch: a jlink'd Java runtime, the shared libraries it and
# RocksDB's JNI library need (found with ldd), the runnable jar, a non-root user, /tmp and /data.
#
#   docker/build-image.sh                # builds eddy:<version> and eddy:latest
#   docker/build-image.sh --rootfs-only  # only assembles docker/build/rootfs (no Docker needed)
#
# Needs: a JDK 17 (JAVA_HOME, or /usr/lib/jvm/java-17-openjdk-amd64, or the java on PATH), ldd,
# and emulator-server/target/eddy.jar (mvn -B -q -DskipTests package -pl emulator-server -am).
# Optional: strip (binutils) makes the native libraries smaller.
# Environment: IMAGE (default eddy), TAG (default: the project version), DOCKER (default docker).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="$here/build"
rootfs="$build/rootfs"
jar="$root/emulator-server/target/eddy.jar"
image="${IMAGE:-eddy}"
docker="${DOCKER:-docker}"
rootfs_only=false
[[ "${1:-}" == "--rootfs-only" ]] && rootfs_only=true

say() { printf 'build-image: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# ---- the JDK
find_jdk() {
  local c
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk \
           "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    if [[ -n "$c" && -x "$c/bin/jlink" && -d "$c/jmods" ]]; then
      if "$c/bin/java" -version 2>&1 | grep -q 'version "17'; then
        echo "$c"; return 0
      fi
    fi
  done
  return 1
}
jdk="$(find_jdk)" || die "no JDK 17 with jmods found (set JAVA_HOME)"
[[ "$(uname -m)" == "x86_64" ]] || die "only x86_64 (linux64) is supported by this recipe, not $(uname -m)"
command -v ldd >/dev/null || die "ldd not found"
[[ -f "$jar" ]] || die "$jar is missing: run mvn -B -q -DskipTests package -pl emulator-server -am"

say "JDK $jdk, jar $jar"

mkdir -p "$build"

# ---- 1. the Java runtime (cached: rebuilt only when the module list or the JDK changes)
modules="$("$jdk/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps "$jar" | tail -1)"
# jdk.unsupported: sun.misc.Signal/Unsafe (clean exit on SIGTERM, Netty). java.desktop is only an
# optional (requires static) dependency of Jackson and adds ~10 MB: left out.
modules="$(printf '%s\n' ${modules//,/ } jdk.unsupported | grep -vx 'java.desktop' | sort -u | paste -sd, -)"
runtime_key="$modules $("$jdk/bin/java" -version 2>&1 | head -2 | tr '\n' ' ') $(command -v strip >/dev/null && echo stripped)"
runtime="$build/runtime"
if [[ ! -f "$runtime/.key" || "$(cat "$runtime/.key")" != "$runtime_key" ]]; then
  say "jlink $modules"
  rm -rf "$runtime"
  "$jdk/bin/jlink" --add-modules "$modules" --output "$runtime" \
    --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive >&2
  rm -f "$runtime/lib/server/classes_nocoops.jsa"  # only for heaps over 32 GB
  if command -v strip >/dev/null; then
    find "$runtime" -name '*.so' -exec chmod u+w {} + -exec strip --strip-unneeded {} +
  fi
  echo "$runtime_key" > "$runtime/.key"
else
  say "runtime up to date ($modules)"
fi

# ---- 2. the root file system
rm -rf "$rootfs" "$build/data"
mkdir -p "$rootfs/opt/eddy/lib" "$rootfs/etc" "$rootfs/tmp" "$build/data"
cp -a "$runtime" "$rootfs/opt/eddy/jre"
rm -f "$rootfs/opt/eddy/jre/.key"

# The jar without the RocksDB libraries of other platforms (about 190 MB of 210 MB unpacked);
# the linux64 one goes to java.library.path, where RocksDB looks before extracting from the jar.
unpacked="$build/jar"
rm -rf "$unpacked" && mkdir -p "$unpacked"
(cd "$unpacked" && "$jdk/bin/jar" xf "$jar")
mv "$unpacked/librocksdbjni-linux64.so" "$rootfs/opt/eddy/lib/"
rm -f "$unpacked"/librocksdbjni-* "$unpacked"/META-INF/native/*.dll "$unpacked"/META-INF/native/*.jnilib \
  "$unpacked"/META-INF/native/libnetty_transport_native_epoll_aarch_64.so \
  "$unpacked"/META-INF/native/libnetty_transport_native_epoll_riscv64.so
# The image is tagged with the jar's version, without -SNAPSHOT: eddy:0.1.0.
version="$(sed -n 's/^Implementation-Version: *//p' "$unpacked/META-INF/MANIFEST.MF" | tr -d '\r')"
version="${version%-SNAPSHOT}"
[[ -n "$version" ]] || die "no Implementation-Version in $jar"
tag="${TAG:-$version}"
"$jdk/bin/jar" --create --file "$rootfs/opt/eddy/eddy.jar" --manifest "$unpacked/META-INF/MANIFEST.MF" \
  -C "$unpacked" .
# The class-data-sharing training program (run by the Dockerfile's RUN step), as a jar: CDS
# accepts jars only on the class path.
training="$build/cds-training"
rm -rf "$training" && mkdir -p "$training/classes"
"$jdk/bin/javac" --release 17 -nowarn -d "$training/classes" -cp "$unpacked" "$here/cds/EddyCdsTraining.java"
"$jdk/bin/jar" --create --file "$rootfs/opt/eddy/cds-training.jar" -C "$training/classes" .
rm -rf "$unpacked" "$training"
if command -v strip >/dev/null; then
  chmod u+w "$rootfs/opt/eddy/lib/librocksdbjni-linux64.so"
  strip --strip-unneeded "$rootfs/opt/eddy/lib/librocksdbjni-linux64.so"
fi

# Shared libraries from the host (glibc, libstdc++, libgcc_s, libz, the loader), at the paths
# ldd prints, for every ELF file of the runtime and the JNI libraries.
netty_so="$(mktemp -d)"
(cd "$netty_so" && "$jdk/bin/jar" xf "$jar" META-INF/native/libnetty_transport_native_epoll_x86_64.so)
libs="$(
  { find "$rootfs/opt/eddy" -type f \( -name '*.so' -o -path '*/bin/*' \);
    echo "$netty_so/META-INF/native/libnetty_transport_native_epoll_x86_64.so"; } |
  while read -r f; do
    LD_LIBRARY_PATH="$rootfs/opt/eddy/jre/lib:$rootfs/opt/eddy/jre/lib/server" ldd "$f" 2>/dev/null || true
  done |
  awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | grep -v "^$rootfs" | sort -u
)"
rm -rf "$netty_so"
for lib in $libs; do
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
  say "library $lib"
done
ldd "$rootfs/opt/eddy/jre/bin/java" | grep -q 'not found' && die "java has unresolved libraries"

# A non-root user, a writable /tmp (RocksDB and Netty extract native code there), /data.
printf 'root:x:0:0:root:/root:/sbin/nologin\neddy:x:10001:10001:Eddy:/data:/sbin/nologin\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\neddy:x:10001:\n' > "$rootfs/etc/group"
chmod 1777 "$rootfs/tmp"
cp "$here/Dockerfile" "$build/Dockerfile"
say "root file system: $(du -sh "$rootfs" | cut -f1) in $rootfs"

$rootfs_only && exit 0

# ---- 3. the image
command -v "$docker" >/dev/null || die "$docker not found (use --rootfs-only to stop before docker build)"
"$docker" build --label "org.opencontainers.image.version=$version" \
  -t "$image:$tag" -t "$image:latest" "$build" >&2
size="$("$docker" image inspect -f '{{.Size}}' "$image:$tag")"
say "built $image:$tag and $image:latest, $((size / 1000000)) MB"
