// Who may see which figures, checked on every request (a button's data can be forged):
// a deputy their own work, staff their district subtree, administrators everything.

/** The figures a user may see. */
export type StatsScope =
  | { kind: "all" }
  | { kind: "districts"; districtIds: ReadonlySet<number> }
  | { kind: "deputy"; userId: number; districtIds: ReadonlySet<number> }
  | { kind: "none" };

/** The filters of a request, before they are checked. */
export interface StatsFilters {
  /** The root of a district subtree; null: the whole scope. */
  districtId: number | null;
  categoryId: number | null;
  /** One deputy's own work; null: everyone's. */
  deputyId: number | null;
  /** Cases referred to this department; null or absent: any. */
  departmentId?: number | null;
}

export type StatsDenial =
  | "not-allowed"
  | "district-outside-scope"
  | "deputy-outside-scope"
  | "department-unknown";

/**
 * Null when the filters are within the scope, else why not. `deputyDistrictIds` are the
 * districts the filtered deputy serves (empty when deputyId is null or not a deputy).
 */
export function checkStatsFilters(
  scope: StatsScope,
  filters: StatsFilters,
  deputyDistrictIds: readonly number[],
): StatsDenial | null {
  switch (scope.kind) {
    case "none":
      return "not-allowed";
    case "all":
      if (filters.deputyId !== null && deputyDistrictIds.length === 0) return "deputy-outside-scope";
      return null;
    case "deputy":
      if (filters.deputyId !== null && filters.deputyId !== scope.userId) return "deputy-outside-scope";
      if (filters.districtId !== null && !scope.districtIds.has(filters.districtId))
        return "district-outside-scope";
      return null;
    case "districts":
      if (filters.districtId !== null && !scope.districtIds.has(filters.districtId))
        return "district-outside-scope";
      if (filters.deputyId !== null && !deputyDistrictIds.some((id) => scope.districtIds.has(id)))
        return "deputy-outside-scope";
      return null;
  }
}
