package dev.clew.testapp.methods;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Application code annotated with OpenTelemetry's @WithSpan: no agent configuration needed. */
@SuppressWarnings("deprecation") // the older extension annotations, still found in applications
public class Checkout {
  @WithSpan
  public int total(int items) {
    return price("sku-1", items, "not an attribute") * 2;
  }

  @WithSpan(value = "price lookup", kind = SpanKind.CLIENT)
  public int price(@SpanAttribute("shop.sku") String sku, @SpanAttribute int quantity, String note) {
    return quantity * 10;
  }

  @WithSpan
  public void refuse(@SpanAttribute("shop.reason") String reason) {
    throw new IllegalStateException("refused: " + reason);
  }

  @WithSpan
  public CompletableFuture<String> ship(CompletableFuture<String> carrier) {
    return carrier.thenApply(c -> "shipped by " + c);
  }

  @WithSpan
  public CompletionStage<String> shipOrFail(CompletableFuture<String> carrier) {
    return carrier.thenApply(c -> "shipped by " + c);
  }

  @WithSpan
  public void closeDay() {
    audit();
  }

  @WithSpan(inheritContext = false)
  public void audit() {}

  @io.opentelemetry.extension.annotations.WithSpan("legacy audit")
  public long legacy(@io.opentelemetry.extension.annotations.SpanAttribute("audit.id") long id) {
    return id;
  }

  /** Also named in clew.trace.methods (module pom): still one span. */
  @WithSpan
  public void configured() {}

  /** Named in the annotations' exclude-methods (module pom): no span. */
  @WithSpan
  public void excluded() {}

  public int[] plain(int[] values, String[][] grid) {
    return values;
  }
}
