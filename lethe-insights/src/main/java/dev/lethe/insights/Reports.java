package dev.lethe.insights;

import java.util.List;
import java.util.Locale;

/** Pieces shared by the insights and audit reports: HTML escaping, a horizontal SVG bar chart with error whiskers, rounding. */
public final class Reports {
  public static final String HEAD = "<!doctype html><html><head><meta charset=\"utf-8\"><title>%s</title><style>"
      + "body{font:14px system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}"
      + "td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}td.n{text-align:right}"
      + ".bar{fill:#4a7bb7}.err{stroke:#222}.lab{font-size:12px}</style></head><body>";

  private Reports() {}

  public static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** One bar per row: label, value and a whisker of +/- {@code err} (0 for none). */
  public record Bar(String label, double value, double err) {}

  public static String barChart(List<Bar> bars) {
    int labelW = 220;
    int plotW = 420;
    int rowH = 18;
    double max = 1;
    for (Bar b : bars) {
      max = Math.max(max, b.value() + b.err());
    }
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">",
        labelW + plotW + 80, rowH * bars.size() + 4));
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double y = i * rowH + 2;
      double w = Math.max(0, b.value()) / max * plotW;
      s.append(String.format(Locale.ROOT, "<text class=\"lab\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", labelW - 6,
          y + 12, esc(b.label())));
      s.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"/>", labelW, y,
          w, rowH - 4));
      if (b.err() > 0) {
        double lo = labelW + Math.max(0, b.value() - b.err()) / max * plotW;
        double hi = labelW + (b.value() + b.err()) / max * plotW;
        double mid = y + (rowH - 4) / 2.0;
        s.append(String.format(Locale.ROOT, "<line class=\"err\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>", lo, hi, mid, mid));
      }
      s.append(String.format(Locale.ROOT, "<text class=\"lab\" x=\"%.1f\" y=\"%.1f\">%s</text>",
          labelW + w + (b.err() > 0 ? b.err() / max * plotW : 0) + 6, y + 12, esc(fmt(b.value()))));
    }
    return s.append("</svg>").toString();
  }

  /** Rounded to two decimals for reports. */
  public static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
