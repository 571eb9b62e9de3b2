package dev.lethe.cli;

import dev.lethe.filter.PrivacyFilter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "redact", mixinStandardHelpOptions = true, description = "Find and mask personal information.")
final class RedactCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", description = "Text to redact.")
  String text;

  @Override
  public Integer call() {
    PrivacyFilter filter = PrivacyFilter.builder().build();
    System.out.println(filter.redact(text == null ? "" : text).text());
    return 0;
  }
}
