package dev.clew.cli;

import static dev.clew.cli.RecordedTraces.hexSpan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.trace.SpanData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code html FILE OUT.html}: one self-contained page, well-formed, every span once, nested by parent. */
class HtmlWaterfallTest {
  @TempDir Path dir;

  private Document page(Path html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(new ByteArrayInputStream(Files.readAllBytes(html)));
  }

  private static Map<String, Element> nodesBySpanId(Document doc) {
    Map<String, Element> byId = new HashMap<>();
    NodeList all = doc.getElementsByTagName("div");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.hasAttribute("data-span-id")) {
        Element previous = byId.put(e.getAttribute("data-span-id"), e);
        assertEquals(null, previous, "span " + e.getAttribute("data-span-id") + " appears twice");
      }
    }
    return byId;
  }

  /** The span node that contains this one (its parent in the page), or null. */
  private static String enclosingSpan(Element node) {
    for (org.w3c.dom.Node n = node.getParentNode(); n instanceof Element; n = n.getParentNode()) {
      if (((Element) n).hasAttribute("data-span-id")) {
        return ((Element) n).getAttribute("data-span-id");
      }
    }
    return null;
  }

  @Test
  void thePageParsesAndHasEverySpanOnceUnderItsParent() throws Exception {
    Path html = dir.resolve("traces.html");
    String out = WaterfallTest.run("html", RecordedTraces.write(dir).toString(), html.toString());
    assertTrue(out.contains("wrote " + html.toAbsolutePath()), out);
    Document doc = page(html);
    Map<String, Element> nodes = nodesBySpanId(doc);
    assertEquals(RecordedTraces.spans().size(), nodes.size());
    for (SpanData s : RecordedTraces.spans()) {
      String id = s.spanContext().spanIdHex();
      assertTrue(nodes.containsKey(id), id);
      String parent = s.parentSpanContext().isValid() ? s.parentSpanContext().spanIdHex() : null;
      if (parent != null && !nodes.containsKey(parent)) {
        parent = null; // missing parent: the root of its fragment
      }
      assertEquals(parent, enclosingSpan(nodes.get(id)), "nesting of " + s.name());
    }
    assertEquals(3, doc.getElementsByTagName("section").getLength(), "one section per trace");
  }

  @Test
  void selfContainedWithDetailsErrorsSkewAndEscaping() throws Exception {
    Path html = dir.resolve("traces.html");
    WaterfallTest.run("html", RecordedTraces.write(dir).toString(), html.toString());
    String text = Files.readString(html, StandardCharsets.UTF_8);
    assertFalse(text.contains("src=") || text.contains("href=") || text.contains("url(")
        || text.contains("@import"), "nothing loaded from elsewhere");
    assertTrue(text.contains("<style>") && text.contains("<script>"));
    Map<String, Element> nodes = nodesBySpanId(page(html));

    Element failing = nodes.get(hexSpan(0x300));
    Element row = (Element) failing.getElementsByTagName("div").item(0);
    assertTrue(row.getAttribute("class").contains("err"), row.getAttribute("class"));
    assertTrue(row.getTextContent().startsWith("!"), "errors marked without colour: " + row.getTextContent());
    String details = failing.getTextContent();
    assertTrue(details.contains("recommendation model is not loaded <&>"), "escaped and read back: " + details);
    assertTrue(details.contains("exception.stacktrace") && details.contains("at com.example.Shop.recommend"));

    Element skewed = nodes.get(hexSpan(0x200));
    assertTrue(((Element) skewed.getElementsByTagName("div").item(0)).getAttribute("class").contains("skew"));
    assertTrue(skewed.getTextContent().contains("starts 4.0 ms before its parent"));
    assertTrue(nodes.get(hexSpan(0x400)).getTextContent().contains(hexSpan(0xabcdef) + " (not in the file)"));
    // the clamped bar begins where its parent's does
    String clientBar = barStyle(nodes.get(hexSpan(0x102)));
    String serverBar = barStyle(skewed);
    assertEquals(clientBar.substring(0, clientBar.indexOf(';')), serverBar.substring(0, serverBar.indexOf(';')));
  }

  private static String barStyle(Element node) {
    NodeList spans = node.getElementsByTagName("span");
    for (int i = 0; i < spans.getLength(); i++) {
      Element e = (Element) spans.item(i);
      if ("fill".equals(e.getAttribute("class"))) {
        return e.getAttribute("style");
      }
    }
    throw new AssertionError("no bar");
  }
}
