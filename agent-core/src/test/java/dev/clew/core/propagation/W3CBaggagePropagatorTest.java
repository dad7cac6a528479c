package dev.clew.core.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.baggage.Baggage;
import dev.clew.core.context.Context;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class W3CBaggagePropagatorTest {
  static final W3CBaggagePropagator BAGGAGE = W3CBaggagePropagator.INSTANCE;

  static Baggage extract(String... headers) {
    Carrier c = new Carrier();
    for (String h : headers) {
      c.add("baggage", h);
    }
    return Baggage.fromContext(BAGGAGE.extract(Context.root(), c, Carrier.GETTER));
  }

  /** Baggage as {@code k=v;meta|k2=v2} for compact tables. */
  static String show(Baggage b) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b.size(); i++) {
      sb.append(i == 0 ? "" : "|").append(b.key(i)).append('=').append(b.value(i));
      if (!b.metadata(i).isEmpty()) {
        sb.append(';').append(b.metadata(i));
      }
    }
    return sb.toString();
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
  @CsvSource(delimiter = '#', value = {
      "k=v # k=v",
      "k1=v1,k2=v2 # k1=v1|k2=v2",
      "' k1 = v1 ,\tk2=v2\t' # k1=v1|k2=v2",
      "k= # k=",
      "k=v;p # k=v;p",
      "k=v; p1 ; p2 = x # k=v;p1;p2=x",
      "k=hello%20world%2C%3B%25 # k=hello world,;%",
      "k=%E2%82%AC%c3%a9 # k=\u20ac\u00e9",
      "k=%FF # k=\ufffd",
      "k=a,k=b # k=b",
      "k=v=w # k=v=w",
      // invalid members are skipped alone
      "good=1,bad key=2,also=3 # good=1|also=3",
      "good=1,=2 # good=1",
      "good=1,novalue # good=1",
      "good=1,k=a b # good=1",
      "good=1,k=\"q\" # good=1",
      "good=1,k=a\\b # good=1",
      "good=1,k=%2 # good=1",
      "good=1,k=%zz # good=1",
      "good=1,k=\u00e9 # good=1",
      "good=1,k=v;bad prop # good=1",
      "good=1,k=v;p=a b # good=1",
      "good=1,,, # good=1",
      "'' # ''",
  })
  void extracts(String header, String expected) {
    assertEquals(expected, show(extract(header)));
  }

  @Test
  void keysAreAnyHttpToken() {
    assertEquals("!#$%&'*+-.^_`|~09azAZ=v", show(extract("!#$%&'*+-.^_`|~09azAZ=v")));
  }

  @Test
  void severalHeadersAreCombined() {
    assertEquals("a=1|b=2", show(extract("a=1", "b=2")));
  }

  @Test
  void noHeaderLeavesTheContextAlone() {
    Context root = Context.root();
    assertSame(root, BAGGAGE.extract(root, new Carrier(), Carrier.GETTER));
    assertSame(root, BAGGAGE.extract(root, Carrier.of("baggage", "bad key=1"), Carrier.GETTER));
  }

  @Test
  void extractedEntriesAddToTheContextsBaggage() {
    Context ctx = Baggage.empty().with("a", "1").with("b", "2").storeIn(Context.root());
    Context out = BAGGAGE.extract(ctx, Carrier.of("baggage", "b=3,c=4"), Carrier.GETTER);
    assertEquals("a=1|b=3|c=4", show(Baggage.fromContext(out)));
  }

  @Test
  void atMost180Members() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      sb.append(i == 0 ? "" : ",").append('k').append(i).append("=v");
    }
    Baggage b = extract(sb.toString());
    assertEquals(180, b.size());
    assertEquals("k179", b.key(179));
  }

  @Test
  void atMost8192BytesAndNoPartialMember() {
    String big = repeat('x', 5000);
    Baggage b = extract("a=" + big + ",b=" + big + ",c=small");
    assertEquals("a|c", keys(b), "the member that would pass 8192 bytes is left out whole");
    Carrier c = new Carrier();
    BAGGAGE.inject(Baggage.empty().with("a", big).with("b", big).with("c", "small").storeIn(Context.root()), c,
        Carrier.SETTER);
    assertEquals("a=" + big + ",c=small", c.get("baggage"));
    assertTrue(c.get("baggage").length() <= 8192);
  }

  @Test
  void injectEncodesValuesAndKeepsMetadata() {
    Baggage b = Baggage.empty().with("user", "J\u00f6rg Smith, 50%;x").with("tier", "gold", "ttl=30;secret")
        .with("bad key", "dropped");
    Carrier c = new Carrier();
    BAGGAGE.inject(b.storeIn(Context.root()), c, Carrier.SETTER);
    assertEquals("user=J%C3%B6rg%20Smith%2C%2050%25%3Bx,tier=gold;ttl=30;secret", c.get("baggage"));
  }

  @Test
  void injectWritesNothingWithoutBaggage() {
    Carrier c = new Carrier();
    BAGGAGE.inject(Context.root(), c, Carrier.SETTER);
    assertNull(c.get("baggage"));
  }

  @Test
  void roundTrip() {
    Random r = new Random(7);
    for (int n = 0; n < 500; n++) {
      Baggage.Builder bb = Baggage.builder();
      int size = 1 + r.nextInt(10);
      for (int i = 0; i < size; i++) {
        bb.put("k" + i, randomValue(r), i % 3 == 0 ? "p" + i + ";q=" + i : "");
      }
      Baggage b = bb.build();
      Carrier c = new Carrier();
      BAGGAGE.inject(b.storeIn(Context.root()), c, Carrier.SETTER);
      assertEquals(b, Baggage.fromContext(BAGGAGE.extract(Context.root(), c, Carrier.GETTER)), c.toString());
    }
  }

  static String randomValue(Random r) {
    int len = r.nextInt(20);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      int kind = r.nextInt(4);
      sb.appendCodePoint(kind == 0 ? 0x20 + r.nextInt(0x5f) : kind == 1 ? 0xa0 + r.nextInt(0x700)
          : kind == 2 ? 0x1f600 + r.nextInt(50) : 'a' + r.nextInt(26));
    }
    return new String(sb.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  static String keys(Baggage b) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b.size(); i++) {
      sb.append(i == 0 ? "" : "|").append(b.key(i));
    }
    return sb.toString();
  }

  static String repeat(char ch, int n) {
    return W3CTraceContextPropagatorTest.repeat(ch, n);
  }
}
