package dev.eddy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StreamLagCheckTest {
  @Test
  void countsDuplicatesAndPerItemReordering() {
    StreamLag.Check c = new StreamLag.Check(1000);
    c.record(0, 10);
    c.record(1, 11);
    c.record(100, 12); // same item as 0, later: in order
    c.record(100, 13); // read twice
    c.record(200, 14);
    c.record(101, 15); // item 1, in order
    c.record(1, 16); // duplicate of 1 (also behind 101, but a duplicate is not also a reordering)
    assertEquals(5, c.distinctRead());
    assertEquals(2, c.duplicated);
    assertEquals(0, c.reordered);
    assertEquals(200, c.highestSeen());
    assertEquals(12, c.readAt[100]);
  }

  @Test
  void detectsAnOlderWriteReadAfterANewerOneOfTheSameItem() {
    StreamLag.Check c = new StreamLag.Check(1000);
    c.record(305, 1); // item 5, write 305
    c.record(205, 2); // item 5, write 205: older, read later
    c.record(6, 3);
    assertEquals(1, c.reordered);
    assertEquals(0, c.duplicated);
    assertEquals(3, c.distinctRead());
  }

  @Test
  void ignoresSequenceNumbersOutOfRange() {
    StreamLag.Check c = new StreamLag.Check(10);
    c.record(-1, 1);
    c.record(10, 1);
    assertEquals(0, c.distinctRead());
  }
}
