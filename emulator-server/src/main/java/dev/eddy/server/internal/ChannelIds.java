package dev.eddy.server.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Spares Netty's first channel the search for this machine's MAC address and process id.
 *
 * <p>Netty names every channel with an id made of a machine id, a process id, a sequence number, a
 * timestamp and a random number. Unless {@code io.netty.machineId} and {@code io.netty.processId}
 * are set, the first channel (the listening one, on the start's critical path) looks both up: every
 * network interface's hardware address, and the process id through {@code ProcessHandle}. Ids only
 * need to differ within this process (they key the server's channel group and name channels in
 * logs), which the sequence number and random part already ensure, so random values do.
 */
final class ChannelIds {
  private static final String MACHINE_ID = "io.netty.machineId";
  private static final String PROCESS_ID = "io.netty.processId";

  private ChannelIds() {}

  /** Sets random machine and process ids for Netty, each only where the user set none. */
  static void preset() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (System.getProperty(MACHINE_ID) == null) {
      StringBuilder mac = new StringBuilder(23);
      for (int i = 0; i < 8; i++) {
        int b = random.nextInt(256);
        if (i > 0) {
          mac.append(':');
        }
        mac.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      System.setProperty(MACHINE_ID, mac.toString());
    }
    if (System.getProperty(PROCESS_ID) == null) {
      System.setProperty(PROCESS_ID, Integer.toString(random.nextInt(Integer.MAX_VALUE)));
    }
  }
}
