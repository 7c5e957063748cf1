// "Me too": how alike two concern texts are, for Chinese first. A text becomes a set of
// shingles — Chinese characters and their bigrams, whole Latin words and numbers — and two
// sets are compared by their Jaccard index, computed here in Node so that SQLite and PostgreSQL give
// the same answer (neither has Chinese full-text search built in the same way).
//
// Why hand-written rather than a MinHash package: the two on npm that compute one
// (bloom-filters 3.0.4, minhash 0.0.9) draw their hash functions from Math.random, so
// signatures differ between processes and the tuning below would not be reproducible, and
// both compute (a·x + b) mod p on doubles where a·x exceeds 2^53, which loses the low bits the
// modulus keeps. A sketch only pays off when millions of stored texts must be compared; here a
// draft is compared with the open cases of one district from the last 90 days (hundreds), and
// the exact Jaccard index of two sets of at most MAX_CONCERN_LENGTH shingles costs microseconds.

/** Bigrams that say nothing about which problem it is (filler of complaint letters). */
const fillerBigrams = new Set([
  "问题",
  "反映",
  "希望",
  "尽快",
  "解决",
  "处理",
  "有关",
  "相关",
  "部门",
  "请求",
  "要求",
  "我们",
  "你们",
  "这个",
  "一下",
  "没有",
  "已经",
  "非常",
  "严重",
  "影响",
  "居民",
  "群众",
  "现在",
  "目前",
  "一直",
  "谢谢",
  "麻烦",
  "能否",
  "是否",
  "帮忙",
  "协调",
  "情况",
  "领导",
  "代表",
  "不能",
  "很多",
  "好几",
  "几天",
]);

/** Characters that say nothing on their own (function words). */
const fillerChars = new Set([..."的了在是到从把被很都也就还给和与及或这那个我你他她们有不一"]);

const chineseDigits: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 … 九十九 as a number; null for anything else. */
function chineseNumber(s: string): number | null {
  if (s.length === 1) return s === "十" ? 10 : (chineseDigits[s] ?? null);
  const ten = s.indexOf("十");
  if (ten === -1) return null;
  const tens = ten === 0 ? 1 : chineseDigits[s.slice(0, ten)];
  const rest = s.slice(ten + 1);
  const ones = rest === "" ? 0 : chineseDigits[rest];
  if (tens === undefined || ones === undefined || s.slice(0, ten).length > 1 || rest.length > 1) return null;
  return tens * 10 + ones;
}

// Numbers that address a place: 三号楼, 十二栋, 二单元, 五组. Only before these counters, so that
// 一直 or 十分 stay words.
const addressNumber = /([〇零一二两三四五六七八九十]{1,3})(?=号|栋|幢|单元|楼|层|组|期|路|巷|弄|区)/g;

/**
 * The text as compared: Unicode NFKC (full-width letters and digits become ASCII, ① becomes
 * 1), lower case, and Chinese numerals that address a place written as digits (三号楼 → 3号楼).
 */
export function normalizeConcernText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(addressNumber, (m) => {
      const n = chineseNumber(m);
      return n === null ? m : String(n);
    });
}

const han = /\p{Script=Han}/u;
// A unit is one Chinese character or one run of letters/digits of any other script; anything
// else (punctuation, spaces, emoji) separates segments.
const unitPattern = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+|[^\p{L}\p{N}]+/gu;

/**
 * The shingles of a text: its units (a unit is a Chinese character or a whole Latin word or
 * number) and the bigrams of consecutive units within each segment, so "3号楼门口" gives 3, 号,
 * 楼, 门, 口, 3号, 号楼, 楼门, 门口. Units carry paraphrases (坏 and 不亮 share no bigram, 灯
 * they share), bigrams carry words. Function characters (的, 了, 在…) and filler bigrams of
 * complaint letters (问题, 希望, 尽快…) are left out.
 */
export function shingles(text: string): Set<string> {
  const result = new Set<string>();
  let segment: string[] = [];
  const flush = () => {
    for (const unit of segment) if (!fillerChars.has(unit)) result.add(unit);
    for (let i = 0; i + 1 < segment.length; i++) {
      const bigram = segment[i]! + segment[i + 1]!;
      if (!fillerBigrams.has(bigram)) result.add(bigram);
    }
    segment = [];
  };
  for (const [unit] of normalizeConcernText(text).matchAll(unitPattern)) {
    if (han.test(unit) || /^[\p{L}\p{N}]/u.test(unit)) segment.push(unit);
    else flush();
  }
  flush();
  return result;
}

/** |A ∩ B| / |A ∪ B|, in [0, 1]; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

// —— places ——
// Two complaints about a broken streetlight are one problem only if it is the same
// streetlight: the same words at another place are the hardest false match. So places named
// in the text (幸福小区, 和平路, 实验小学, 3号楼) are read out with the suffixes of Chinese
// addresses, compared on their own, and left out of the comparison of the problem itself.

const placeSuffixes =
  "小区|花园|社区|街道|大街|菜市场|农贸市场|市场|广场|公园|医院|卫生院|小学|中学|学校|幼儿园|大桥|苑|园|村|镇|乡|街|路|巷|弄|桥";
// 2–4 characters of a name, none of them a function word or a position (的, 在, 上, 旁…), so
// that 门口的路灯 or 晚上走路 name no place; 路 not followed by 灯/面/段…, which make it a word.
const nameChar =
  "(?:(?![的了在是到从把被很都也就还给与及或这那个时我你他她们走上下里外前后边旁往对])\\p{Script=Han})";
const namedPlace = new RegExp(
  `${nameChar}{2,4}?(?:${placeSuffixes})(?<!路(?=[灯面段边况人过线]))|[一二三四五六七八九十]中(?![学心间午])`,
  "gu",
);
// After normalisation numerals are digits: 3号楼, 12栋, 2单元, 54号 (a street number).
const unitNumber = /(\d+)(号楼|栋|幢|单元|号)/gu;
const unitKind: Record<string, string> = { 号楼: "栋", 栋: "栋", 幢: "栋", 单元: "单元", 号: "号" };

/** The places a text names: place names, and unit numbers by kind (栋 → {"3"}, 单元 → {"1"}). */
export interface PlaceMentions {
  names: string[];
  units: Map<string, Set<string>>;
}

/** Reads the places named in a (normalised) concern text; see the patterns above. */
export function placeMentions(text: string): PlaceMentions {
  const normalized = normalizeConcernText(text);
  const names = [...normalized.matchAll(namedPlace)].map((m) => m[0]);
  const units = new Map<string, Set<string>>();
  for (const [, number, counter] of normalized.matchAll(unitNumber)) {
    const kind = unitKind[counter!]!;
    if (!units.has(kind)) units.set(kind, new Set());
    units.get(kind)!.add(number!);
  }
  return { names, units };
}

function bigramsOf(s: string): Set<string> {
  const chars = [...s];
  if (chars.length < 2) return new Set(chars);
  return new Set(chars.slice(1).map((c, i) => chars[i]! + c));
}

/** 县人民医院 and 人民医院, 第二中学 and 二中 are one place: most bigrams of the shorter name recur. */
function sameName(a: string, b: string): boolean {
  const [x, y] = [bigramsOf(a), bigramsOf(b)];
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / Math.min(x.size, y.size) >= 0.5;
}

/**
 * True when the two texts name places and they cannot be the same: both name places and no
 * name of one is a name of the other, or both give a unit number of one kind (栋, 单元, 号)
 * and none is shared. A text that names no place conflicts with nothing.
 */
export function placesConflict(a: PlaceMentions, b: PlaceMentions): boolean {
  if (a.names.length > 0 && b.names.length > 0 && !a.names.some((x) => b.names.some((y) => sameName(x, y))))
    return true;
  for (const [kind, numbers] of a.units) {
    const other = b.units.get(kind);
    if (other && ![...numbers].some((n) => other.has(n))) return true;
  }
  return false;
}

/** The text with the places it names taken out: what is left describes the problem. */
function problemText(text: string): string {
  return normalizeConcernText(text).replace(namedPlace, " ").replace(unitNumber, " ");
}

/** A similarity score with its parts, for the ranking and for tuning. */
export interface SimilarityScore {
  /** In [0, 1]: 0 when the places conflict, else the Jaccard index of the problem texts. */
  score: number;
  placeConflict: boolean;
  /** The Jaccard index of the problem texts, places taken out. */
  problem: number;
}

/**
 * How likely two concern texts describe the same problem: the Jaccard index of the shingles
 * of their problem texts (places taken out), or 0 when they name places that cannot be the
 * same (placesConflict). Symmetric; deterministic.
 */
export function concernSimilarity(a: string, b: string): SimilarityScore {
  const placeConflict = placesConflict(placeMentions(a), placeMentions(b));
  const problem = jaccard(shingles(problemText(a)), shingles(problemText(b)));
  return { score: placeConflict ? 0 : problem, placeConflict, problem };
}

/** The similarity of two whole texts, places included: the Jaccard index of their shingles. */
export function textSimilarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}
