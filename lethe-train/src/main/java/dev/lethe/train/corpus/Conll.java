package dev.lethe.train.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads column files (CoNLL, IOB/BIO, UNER's {@code .iob2}): one token a line, columns split by tabs (or by
 * spaces when the line has no tab), blank lines between blocks (sentences, tweets), {@code #} comment lines
 * before a block (UNER: {@code # newdoc id}, {@code # sent_id}, {@code # text}), and {@code -DOCSTART-}
 * lines between documents.
 */
final class Conll {
  private static final Pattern COMMENT = Pattern.compile("#\\s*([\\w.-]+(?: id)?)\\s*=\\s?(.*)");

  private Conll() {}

  /**
   * A block of token lines with the comment lines before it.
   *
   * @param docStart whether a {@code -DOCSTART-} line or a {@code # newdoc} comment comes before it (since
   *                 the previous block)
   * @param line     the 1-based line number of its first line, for messages
   */
  record Block(List<String> tokens, List<String> tags, List<String> comments, boolean docStart, int line) {
    /** The value of comment {@code # key = value}, or {@code null}. */
    String comment(String key) {
      for (String c : comments) {
        Matcher m = COMMENT.matcher(c);
        if (m.matches() && m.group(1).equals(key)) {
          return m.group(2).strip();
        }
      }
      return null;
    }
  }

  /**
   * The blocks of {@code content}, the token in column {@code tokenColumn} and the tag in {@code tagColumn}
   * (negative counts from the end: -1 is the last). A token line with too few columns fails with its file
   * and line; empty tokens are dropped with their tags.
   */
  static List<Block> blocks(String content, String file, int tokenColumn, int tagColumn) {
    List<Block> blocks = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    boolean docStart = false;
    int first = 0;
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : "";
      if (line.isBlank() || line.startsWith("-DOCSTART-")) {
        if (!tokens.isEmpty()) {
          blocks.add(new Block(tokens, tags, comments, docStart, first));
          tokens = new ArrayList<>();
          tags = new ArrayList<>();
          comments = new ArrayList<>();
          docStart = false;
        }
        docStart |= line.startsWith("-DOCSTART-");
        continue;
      }
      if (tokens.isEmpty() && line.startsWith("#") && COMMENT.matcher(line).matches()) {
        comments.add(line);
        docStart |= line.startsWith("# newdoc");
        continue;
      }
      String[] cols = line.indexOf('\t') >= 0 ? line.split("\t", -1) : line.strip().split(" +");
      int tc = tokenColumn < 0 ? cols.length + tokenColumn : tokenColumn;
      int gc = tagColumn < 0 ? cols.length + tagColumn : tagColumn;
      if (tc < 0 || gc < 0 || tc >= cols.length || gc >= cols.length || tc == gc) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected a token and a tag column, got '"
            + line + "'");
      }
      if (tokens.isEmpty()) {
        first = i + 1;
      }
      String token = cols[tc].strip();
      if (!token.isEmpty()) {
        tokens.add(token);
        tags.add(cols[gc].strip());
      }
    }
    return blocks;
  }
}
