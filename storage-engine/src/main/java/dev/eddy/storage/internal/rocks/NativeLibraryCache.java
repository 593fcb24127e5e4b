package dev.eddy.storage.internal.rocks;

import dev.eddy.api.LazyLogger;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

/**
 * Loads RocksDB's JNI library from a per-user cache instead of extracting it from the jar on
 * every start.
 *
 * <p>RocksJava copies its 15 MB library out of the jar into a new temporary file each time a JVM
 * loads it (about 0.15 s of CPU). Here it is copied once into
 * {@code <cache>/rocksdbjni-<crc32>-<size>/} (the jar entry's CRC and size name the content), and
 * every later start checks the copy against that CRC and loads it. Copies are written to a
 * temporary file in the same directory and renamed into place, so two servers starting at once
 * never see a partial file; a copy that does not match (truncated, damaged) is replaced.
 *
 * <p>On any problem (no writable cache directory, a library that will not load, a class path
 * that is not a jar) RocksJava's own loader is used, as it is when the library is already on
 * {@code java.library.path} (the Docker image) or {@code ROCKSDB_SHAREDLIB_DIR} is set.
 * {@code -Deddy.nativeCache=DIR} chooses the cache directory, {@code -Deddy.nativeCache=off}
 * turns the cache off. The default is {@code $XDG_CACHE_HOME/eddy} or {@code ~/.cache/eddy}
 * ({@code ~/Library/Caches/eddy} on macOS, {@code %LOCALAPPDATA%\eddy\cache} on Windows).
 */
public final class NativeLibraryCache {
  /** System property: the cache directory, or "off". */
  public static final String PROPERTY = "eddy.nativeCache";
  private static final System.Logger LOG = LazyLogger.of(NativeLibraryCache.class);
  /** Temporary copies older than this are left-overs of a crashed start and are removed. */
  private static final long STALE_MILLIS = 60 * 60 * 1000L;

  private NativeLibraryCache() {}

  /** An input stream over the library's bytes (the jar entry). */
  @FunctionalInterface
  interface Source {
    InputStream open() throws IOException;
  }

  /** Loads RocksDB's library: from the cache when possible, else with RocksJava's loader. */
  public static void loadRocksDb() {
    presetMuslDetection();
    Path dir = null;
    try {
      dir = cachedRocksDb();
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "RocksDB library cache not used: {0}", e.toString());
    }
    if (dir != null) {
      try {
        RocksDB.loadLibrary(List.of(dir.toString()));
        return;
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "cached RocksDB library did not load: {0}", e.toString());
      }
    }
    RocksDB.loadLibrary();
  }

  /**
   * RocksJava picks its glibc or musl library by running {@code sh -c "ldd /usr/bin/env | grep -q
   * musl"} (three processes, about 50 ms of CPU) unless {@code ROCKSDB_MUSL_LIBC} is set. The C
   * library this JVM runs on is in /proc/self/maps: that answer is given to RocksJava first.
   * Skipped when anything is unusual (not Linux, no answer, a RocksJava without that field).
   */
  private static void presetMuslDetection() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
        || System.getenv("ROCKSDB_MUSL_LIBC") != null) {
      return;
    }
    Boolean musl;
    try {
      musl = muslFromMaps(Files.readString(Path.of("/proc/self/maps"), StandardCharsets.ISO_8859_1));
    } catch (IOException | RuntimeException e) {
      return;
    }
    if (musl == null) {
      return;
    }
    try {
      Field field = Environment.class.getDeclaredField("MUSL_LIBC");
      int mod = field.getModifiers();
      if (field.getType() == Boolean.class && Modifier.isStatic(mod) && !Modifier.isFinal(mod)) {
        field.setAccessible(true);
        if (field.get(null) == null) {
          field.set(null, musl);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // RocksJava finds out itself
    }
  }

  /**
   * From the text of /proc/self/maps: true when the process runs on musl, false on glibc, null
   * when neither library is mapped.
   */
  static Boolean muslFromMaps(String maps) {
    if (maps.contains("/ld-musl-") || maps.contains("/libc.musl-")) {
      return Boolean.TRUE;
    }
    if (maps.contains("/libc.so.6")) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** The directory holding a verified copy of the library, or null when the cache is not to be used. */
  private static Path cachedRocksDb() throws IOException {
    Path root = directory(System.getProperty(PROPERTY), System.getenv(), System.getProperty("os.name", ""),
        System.getProperty("user.home"));
    if (root == null || System.getenv("ROCKSDB_SHAREDLIB_DIR") != null) {
      return null;
    }
    String jni = Environment.getJniLibraryName("rocksdb");
    String fallback = Environment.getFallbackJniLibraryName("rocksdb");
    if (onLibraryPath(System.mapLibraryName("rocksdb"), System.mapLibraryName(jni),
        fallback == null ? null : System.mapLibraryName(fallback))) {
      return null; // RocksJava finds it there without extracting anything
    }
    URL url = RocksDB.class.getClassLoader().getResource(Environment.getJniLibraryFileName("rocksdb"));
    if (url == null && Environment.getFallbackJniLibraryFileName("rocksdb") != null) {
      url = RocksDB.class.getClassLoader().getResource(Environment.getFallbackJniLibraryFileName("rocksdb"));
    }
    if (url == null) {
      return null;
    }
    URLConnection connection = url.openConnection();
    if (!(connection instanceof JarURLConnection)) {
      return null;
    }
    JarEntry entry = ((JarURLConnection) connection).getJarEntry();
    if (entry.getSize() < 0 || entry.getCrc() < 0) {
      return null;
    }
    // (no String.format or lambda: each would load and initialise classes nothing else needs yet)
    String crcHex = Long.toHexString(entry.getCrc());
    Path dir = root.resolve("rocksdbjni-" + "00000000".substring(crcHex.length()) + crcHex + "-" + entry.getSize());
    // RocksDB.loadLibrary(paths) loads <path>/ + getJniLibraryFileName("rocksdbjni").
    cached(dir, Environment.getJniLibraryFileName("rocksdbjni"), entry.getSize(), entry.getCrc(), new Source() {
      @Override
      public InputStream open() throws IOException {
        return connection.getInputStream();
      }
    });
    return dir;
  }

  /**
   * The cache root: {@code property} when set ("off": none), else the platform's per-user cache
   * directory; null when there is none.
   */
  static Path directory(String property, Map<String, String> env, String osName, String userHome) {
    if (property != null && !property.isBlank()) {
      return property.trim().equalsIgnoreCase("off") ? null : Path.of(property.trim()).toAbsolutePath();
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String local = env.get("LOCALAPPDATA");
      if (local != null && !local.isBlank() && Path.of(local).isAbsolute()) {
        return Path.of(local, "eddy", "cache");
      }
    } else if (!os.startsWith("mac")) {
      String xdg = env.get("XDG_CACHE_HOME");
      if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
        return Path.of(xdg, "eddy");
      }
    }
    if (userHome == null || userHome.isBlank() || userHome.equals("?") || !Path.of(userHome).isAbsolute()) {
      return null;
    }
    if (os.startsWith("windows")) {
      return Path.of(userHome, "AppData", "Local", "eddy", "cache");
    }
    if (os.startsWith("mac")) {
      return Path.of(userHome, "Library", "Caches", "eddy");
    }
    return Path.of(userHome, ".cache", "eddy");
  }

  private static boolean onLibraryPath(String... names) {
    String path = System.getProperty("java.library.path", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String name : names) {
        if (name != null && Files.isRegularFile(Path.of(dir, name))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code dir/fileName} with exactly the given content: the existing file when its size and
   * CRC-32 match, else a fresh copy from {@code source}, written to a temporary file and renamed
   * into place. Safe when several processes do this at once.
   */
  static Path cached(Path dir, String fileName, long size, long crc, Source source) throws IOException {
    Path file = dir.resolve(fileName);
    if (matches(file, size, crc)) {
      return file;
    }
    createPrivateDirectories(dir);
    removeStaleCopies(dir, fileName);
    Path tmp = Files.createTempFile(dir, fileName + ".", ".tmp");
    try {
      CRC32 written = new CRC32();
      long n = 0;
      try (InputStream in = source.open();
           OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
               StandardOpenOption.TRUNCATE_EXISTING)) {
        byte[] buf = new byte[64 * 1024];
        for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
          out.write(buf, 0, r);
          written.update(buf, 0, r);
          n += r;
        }
      }
      if (n != size || written.getValue() != crc) {
        throw new IOException("library read from the jar does not match its entry (" + n + " bytes)");
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        // e.g. Windows, where a library another process has loaded cannot be replaced: that
        // process's copy is the same bytes
        if (!matches(file, size, crc)) {
          throw e;
        }
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    if (!matches(file, size, crc)) {
      throw new IOException("cached library " + file + " does not match after copying");
    }
    return file;
  }

  /** True when {@code file} is a regular file of {@code size} bytes with CRC-32 {@code crc}. */
  static boolean matches(Path file, long size, long crc) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() != size) {
        return false;
      }
      // read, not mapped: a mapping of the 15 MB file would stay resident until the buffer is
      // garbage collected, ~10-15 MB of RSS after start that the JVM never uses
      CRC32 c = new CRC32();
      ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
      long pos = 0;
      while (pos < size) {
        buf.clear();
        int r = ch.read(buf, pos);
        if (r < 0) {
          return false;
        }
        buf.flip();
        c.update(buf);
        pos += r;
      }
      return c.getValue() == crc;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      createPrivateDirectories(parent);
    }
    try {
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  /** Removes temporary copies that a start which died while copying left behind. */
  private static void removeStaleCopies(Path dir, String fileName) {
    long now = System.currentTimeMillis();
    try (DirectoryStream<Path> tmps = Files.newDirectoryStream(dir, fileName + ".*.tmp")) {
      for (Path tmp : tmps) {
        try {
          FileTime modified = Files.getLastModifiedTime(tmp);
          if (now - modified.toMillis() > STALE_MILLIS) {
            Files.deleteIfExists(tmp);
          }
        } catch (IOException e) {
          // another process removed or is writing it
        }
      }
    } catch (IOException e) {
      // nothing to clean
    }
  }
}
