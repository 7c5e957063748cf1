import { describe, expect, it } from "vitest";
import { haversineMeters } from "../../src/domain/distance.js";
import {
  rankSimilarConcerns,
  type SimilarityCandidate,
  similarConcernRules,
} from "../../src/domain/similar-concerns.js";
import {
  concernSimilarity,
  jaccard,
  normalizeConcernText,
  placeMentions,
  placesConflict,
  shingles,
  textSimilarity,
} from "../../src/domain/similarity.js";

describe("normalising a concern text", () => {
  it("turns full-width letters, digits and punctuation into ASCII (NFKC) and lower-cases", () => {
    expect(normalizeConcernText("ＷＩＦＩ１２栋，ＡＢＣ")).toBe("wifi12栋,abc");
  });

  it("writes Chinese numerals that address a place as digits, and leaves words alone", () => {
    expect(normalizeConcernText("三号楼、十二栋二单元、二十三号楼")).toBe("3号楼、12栋2单元、23号楼");
    expect(normalizeConcernText("一直没人管,十分危险")).toBe("一直没人管,十分危险");
  });
});

describe("shingles", () => {
  it("are Chinese characters and their bigrams, with Latin words and numbers as whole units", () => {
    expect([...shingles("3号楼LED屏")].sort()).toEqual(
      ["3", "号", "楼", "led", "屏", "3号", "号楼", "楼led", "led屏"].sort(),
    );
  });

  it("break at punctuation and leave out function characters and filler bigrams", () => {
    const s = shingles("路灯坏了,希望尽快解决问题!");
    expect(s.has("灯坏")).toBe(true);
    expect(s.has("了,")).toBe(false);
    expect(s.has("了希")).toBe(false);
    expect(s.has("的")).toBe(false);
    expect(s.has("了")).toBe(false);
    for (const filler of ["希望", "尽快", "解决", "问题"]) expect(s.has(filler)).toBe(false);
  });

  it("make a full-width text and its ASCII twin identical", () => {
    expect(textSimilarity("朝阳社区１２栋３单元楼道灯坏了", "朝阳社区12栋3单元楼道灯坏了")).toBe(1);
  });
});

describe("the Jaccard index", () => {
  it("is |A∩B| / |A∪B|, symmetric, 1 for equal sets and 0 for disjoint or empty ones", () => {
    const a = new Set(["a", "b", "c"]);
    const b = new Set(["b", "c", "d", "e"]);
    expect(jaccard(a, b)).toBeCloseTo(2 / 5);
    expect(jaccard(b, a)).toBe(jaccard(a, b));
    expect(jaccard(a, new Set(a))).toBe(1);
    expect(jaccard(a, new Set(["x"]))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

describe("places named in a text", () => {
  it("reads names by their address suffix and unit numbers by kind", () => {
    const m = placeMentions("我家是翠湖苑三栋602,在和平路与建设路交叉口,新华街54号");
    expect(m.names).toEqual(["翠湖苑", "和平路", "建设路", "新华街"]);
    expect(m.units.get("栋")).toEqual(new Set(["3"]));
    expect(m.units.get("号")).toEqual(new Set(["54"]));
  });

  it("does not take words with 路 or a function character for a place", () => {
    expect(placeMentions("门口的路灯坏了,晚上走路看不见,一段路面坑洼").names).toEqual([]);
  });

  it("conflict when both name places and none is shared, or a unit number of one kind differs", () => {
    const conflict = (a: string, b: string) => placesConflict(placeMentions(a), placeMentions(b));
    expect(conflict("幸福小区路灯坏了", "阳光花园路灯坏了")).toBe(true);
    expect(conflict("朝阳社区12栋垃圾桶", "朝阳社区3栋垃圾桶")).toBe(true);
    expect(conflict("第二中学门口拥堵", "二中校门口拥堵")).toBe(false);
    expect(conflict("在县人民医院住院", "人民医院住院报销")).toBe(false);
    expect(conflict("幸福小区三号楼", "幸福小区3号楼")).toBe(false);
    expect(conflict("路灯坏了", "阳光花园路灯坏了")).toBe(false);
  });

  it("make concernSimilarity 0 for the same words at another place", () => {
    const s = concernSimilarity("幸福小区3号楼门口的路灯坏了", "阳光花园5号楼门口的路灯坏了");
    expect(s.placeConflict).toBe(true);
    expect(s.problem).toBe(1);
    expect(s.score).toBe(0);
  });
});

describe("ranking similar open cases for a draft", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const here = { latitude: 30.0, longitude: 120.0 };
  // ~111 m per 0.001° of latitude.
  const north = (metres: number) => ({ latitude: 30.0 + metres / 111_195, longitude: 120.0 });
  let id = 0;
  const candidate = (over: Partial<SimilarityCandidate> = {}): SimilarityCandidate => ({
    id: ++id,
    description: "幸福小区3号楼门口的路灯坏了,晚上很黑",
    categoryId: 1,
    districtId: 7,
    status: "new",
    createdAt: daysAgo(1),
    latitude: null,
    longitude: null,
    ...over,
  });
  const draft = { text: "幸福小区三号楼门口路灯不亮了", categoryId: 1, districtId: 7, now };

  it("offers only open cases of the same district from the last 90 days above the threshold", () => {
    const good = candidate();
    const ranked = rankSimilarConcerns(draft, [
      good,
      candidate({ districtId: 8 }),
      candidate({ status: "resolved" }),
      candidate({ status: "held" }),
      candidate({ createdAt: daysAgo(91) }),
      candidate({ description: "桃园村已经停水三天了" }),
      candidate({ description: "阳光花园5号楼门口的路灯坏了" }),
    ]);
    expect(ranked.map((r) => r.concern.id)).toEqual([good.id]);
    expect(ranked[0]!.score).toBeGreaterThanOrEqual(similarConcernRules.threshold);
  });

  it("puts the same category first, then within 250 m, then the higher score; three at most", () => {
    const otherCategoryBest = candidate({ categoryId: 2, description: "幸福小区三号楼门口路灯不亮了" });
    const sameFar = candidate({ ...north(400), description: "幸福小区三号楼门口路灯不亮了" });
    const sameNear = candidate({ ...north(200), description: "幸福小区3号楼路灯坏了好几天" });
    const sameNoLocation = candidate({ description: "幸福小区三号楼门口路灯不亮,晚上看不见" });
    const ranked = rankSimilarConcerns({ ...draft, location: here }, [
      otherCategoryBest,
      sameFar,
      sameNoLocation,
      sameNear,
    ]);
    expect(ranked.map((r) => r.concern.id)).toEqual([sameNear.id, sameFar.id, sameNoLocation.id]);
    expect(ranked[0]).toMatchObject({ sameCategory: true, nearby: true });
    expect(ranked[0]!.distanceMeters).toBeCloseTo(200, 0);
    expect(ranked[1]).toMatchObject({ nearby: false });
    expect(ranked[2]!.distanceMeters).toBeNull();
  });

  it("ranks by score alone when the draft has no category or location", () => {
    const weaker = candidate({ categoryId: 2, description: "幸福小区路灯坏了" });
    const stronger = candidate({ categoryId: 3, description: "幸福小区三号楼门口路灯不亮了" });
    const ranked = rankSimilarConcerns({ ...draft, categoryId: null }, [weaker, stronger]);
    expect(ranked.map((r) => r.concern.id)).toEqual([stronger.id, weaker.id]);
    expect(ranked.every((r) => !r.sameCategory && !r.nearby)).toBe(true);
  });
});

describe("haversine distance", () => {
  it("gives 111.2 km for one degree of latitude and about 1,068 km from Beijing to Shanghai", () => {
    expect(haversineMeters({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(
      111_195,
      -1,
    );
    const beijing = { latitude: 39.9042, longitude: 116.4074 };
    const shanghai = { latitude: 31.2304, longitude: 121.4737 };
    expect(haversineMeters(beijing, shanghai) / 1000).toBeCloseTo(1068, -1);
    expect(haversineMeters(beijing, beijing)).toBe(0);
  });
});
