/** An area as the pickers show it: JD's id and Chinese name, with its toneless pinyin and initials. */
export interface PickerArea { id: number; name: string; pinyin: string; initials: string }

/**
 * Does the merchant's text find this area? Chinese as typed, pinyin with or without spaces (a prefix of the
 * whole name or of any syllable run, "jing" finds 北京), or the initials ("bj").
 */
export function areaMatches(area: PickerArea, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/[\s'’-]+/g, "");
  if (!q) return true;
  return area.name.includes(query.trim()) || area.pinyin.includes(q) || area.initials.startsWith(q) || String(area.id) === q;
}
