package io.takumo.aegis.detect;

/**
 * How often case-folded byte pairs occur in source code, for choosing the pair the prefilter keys
 * a literal on: the rarer the pair, the fewer positions pass the first test. Measured once over
 * 6.6 MB of code that has nothing to do with secrets (the Python 3.11 standard library and Netty's
 * HTTP codec sources); occurrences per 10,000 bytes, the most frequent 600-odd pairs. Pairs not
 * listed occur less than once per 10,000 bytes.
 */
final class PairFrequency {
  private static final String PAIRS = ""
      + "  \n e insereer i tth s, ondetes en at atstorheeteln leescomef = isntalti c = raran:\nline f o"
      + "\n\nd  nnd)\nr edlftrioecngta damitra priifro enoeaurtoascefinaod bexnstuilsictf. * madpaprpeha"
      + "rn\"\"icvemass wot lefrschtt \"loueac 'gedilafovall;\ncaportnc# mpim()) uno .\n__e(uty ):ul* g "
      + "ouoms.rroc he\n(s #a ._ke (ckclepl ptlsop _e,osty {use)ofts,\n udae_e.hiplspt_aitpem vbllusomoid"
      + "htfrbewibu--xtr(eec h rgolhosu_st(falt: ag);ap',ieup}\nowe:==ob{\nqu 0ry_cdoummi }weab gig.cirm "
      + "niby\"\n))pu##s(shyppps\ngsivr.ub. zexceqcis,nu.sffsat.ood(n(rmdsizeb_f**bjs)yt(' -')ru 1*\n_iwa"
      + "ipldbaau @lyew /s_t,d_f, +scuffet)oviafunf_dwrnkdujebst\nk ib' rcbocrddnnwh_p\")_a(cay_ntcev.aw "
      + "> dlp r__t//yspieygi(\"ms_mpy\",':cu_ld._rf)flrdav>>\n#sy.n+  ks: <),gu- .pak.hpd_euieg]\nd\nax"
      + "0xn_mb.r %y.(f).r,\" tlo..imur) >/\nbi\nigrki_o/**/okeod,] r\nnvl.n\n(nhrtfrv.fdyl(oi y.e(o.gn'"
      + "n.{@_bgtnlvignxpmm's 2(i'\ntdn,/ (t00_(e'} drl_(dwooaix\ndy:tmws(me\"ucs'_gghx .\" [h(g.rfei(bua"
      + "psr:hu.w.t(a.dslsg-1c.0,g,.uxifttwphe=glp.'tbrccksp(_hnp(pt:=no_.mt'rl@pg)...on)skp_k_1,yo_vd)s["
      + "''_ c_% 10g_aw%s_wfse;\"r(hy_nyrk\"c0 m_@o(ey\nsfu og.0.b.laf@c; 0)lps\"i y(g(0\nyexe'.r'(r<  !"
      + " j])w_k(b'(l_ugozi@l\"a .\"s1 h.dty,xapc xl)s=dctx2.a.1\n!=wngacs zh,'\\t=iir\" |1)smvoe-[0b bc"
      + "g\nh)ugs;>\n\ncl,ml(\n0]eu\\n12lhcm(vy)kwoe</'_h_l\nf_tn 3eh0:x_:''akayn1:rp[]mtww'-o\nd:'ct-1]"
      + "rwo( `ud20ekmd=\"=' qjo/la)x.sw2 t\"sn'rx,f\nkl'h:/bpe[d'knyi1.lnyl0.k\n| h\nk. 4_'t;+=\"ifc01x1"
      + "fdn\"\n_n: &sr :p,rbx0e}],\"t";
  private static final int[] PER_10K = {
    1800, 218, 109, 101, 99, 89, 88, 83, 81, 77, 74, 74, 73, 71, 69, 66, 65, 61, 61, 60, 60, 60, 58, 57, 55,
    55, 55, 54, 53, 49, 49, 48, 48, 48, 47, 46, 45, 44, 44, 43, 43, 43, 42, 41, 41, 39, 39, 38, 38, 38,
    37, 36, 35, 35, 35, 35, 34, 34, 34, 34, 34, 34, 34, 32, 32, 31, 31, 31, 31, 30, 30, 29, 29, 29, 29,
    29, 28, 28, 27, 27, 27, 27, 26, 26, 25, 25, 25, 25, 25, 24, 24, 24, 24, 24, 24, 24, 23, 23, 23, 22,
    22, 22, 22, 22, 21, 21, 21, 21, 20, 20, 20, 20, 20, 19, 19, 19, 19, 19, 19, 19, 19, 19, 19, 19, 18,
    18, 18, 18, 18, 18, 18, 17, 17, 17, 17, 17, 17, 17, 17, 16, 16, 16, 16, 16, 16, 16, 16, 15, 15, 15,
    15, 15, 15, 15, 15, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13,
    13, 13, 13, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11,
    11, 10, 10, 10, 10, 10, 10, 10, 10, 10, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 7,
    7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 6,
    6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6,
    6, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  private static final float[] TABLE = new float[65536];

  static {
    java.util.Arrays.fill(TABLE, 0.5f);
    for (int i = 0; i < PER_10K.length; i++) {
      TABLE[(PAIRS.charAt(2 * i) << 8) | PAIRS.charAt(2 * i + 1)] = PER_10K[i];
    }
  }

  private PairFrequency() {}

  /** Occurrences per 10,000 bytes of code of the case-folded pair {@code a b}. */
  static float of(byte a, byte b) {
    return TABLE[(Bytes.lower(a) << 8) | Bytes.lower(b)];
  }
}
