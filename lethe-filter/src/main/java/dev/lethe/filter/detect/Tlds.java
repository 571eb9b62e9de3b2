package dev.lethe.filter.detect;

import java.util.Set;

/**
 * Top-level domains: every two-letter country code, and the generic TLDs common in personal and business
 * addresses. A dotted word whose last label is not here ({@code client.login}, {@code obj.method}) is code,
 * not a host. The list is deliberately not the whole IANA root zone: its long tail ({@code .app} aside)
 * collides with identifiers far more often than it names a real site in text.
 */
final class Tlds {
  private Tlds() {}

  private static final Set<String> COUNTRY = words("ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb"
      + " bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy"
      + " cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs"
      + " gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky"
      + " kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz"
      + " na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa"
      + " sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv"
      + " tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw");

  private static final Set<String> GENERIC = words("com net org info biz edu gov mil int name pro mobi app dev"
      + " ai xyz online site tech store shop blog art design photo photography studio page link live life world"
      + " today news media email cloud space website digital agency solutions services consulting works social"
      + " club fun one team global city nyc london berlin paris tokyo amsterdam wien wiki ninja guru rocks codes"
      + " engineer engineering software systems network tools zone center company group family love travel health"
      + " academy school university education bio eco earth green gallery music film video games game science"
      + " legal law lawyer doctor dentist clinic care coach fitness yoga cafe restaurant bar beer wine fashion"
      + " style beauty hair makeup jewelry shoes realty homes house land properties estate finance money capital"
      + " fund bank insurance tax accountant consulting partners ventures holdings inc ltd llc gmbh co expert"
      + " community foundation charity church faith institute training courses events party wedding dating"
      + " chat host hosting domains web systems ink press review reviews guide tips how plus run red blue black"
      + " pink gold moe lol wtf sucks");

  private static Set<String> words(String spaceSeparated) {
    return Set.copyOf(java.util.Arrays.asList(spaceSeparated.split(" ")));
  }

  static boolean isTld(String tld) {
    return COUNTRY.contains(tld) || GENERIC.contains(tld);
  }
}
