package dev.lethe.cli;

import dev.lethe.filter.mask.MaskKey;
import dev.lethe.filter.mask.Maskers;
import dev.lethe.filter.mask.ReversibleMasker;
import dev.lethe.filter.mask.Vault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Put the originals back into text masked with --mask reversible.", "",
        "Typical use: redact a prompt, send it to an LLM, restore the names in its answer. The vault is"
            + " the \"vault\" field of `lethe redact --mask reversible --format json`; the key is LETHE_MASK_KEY."},
    footer = {"", "Example:",
        "  lethe restore --vault \"$VAULT\" \"Dear <PRIVATE_PERSON_1>, your order ...\""})
final class RestoreCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "TEXT", description = "Masked text (default: standard input).")
  String text;

  @ArgGroup(multiplicity = "1")
  VaultSource vault;

  static final class VaultSource {
    @Option(names = "--vault", paramLabel = "SEALED", description = "The sealed vault string.")
    String sealed;

    @Option(names = "--vault-file", paramLabel = "FILE", description = "A file holding the sealed vault.")
    Path file;

    String read() throws IOException {
      return sealed != null ? sealed : Files.readString(file, StandardCharsets.UTF_8).strip();
    }
  }

  @Override
  public Integer call() throws IOException {
    ReversibleMasker masker = Maskers.reversible(MaskKey.fromEnvironment());
    Vault v = masker.open(vault.read());
    String in = text != null ? text : new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    System.out.print(masker.restore(in, v));
    if (text != null) {
      System.out.println();
    }
    return 0;
  }
}
