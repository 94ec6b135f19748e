// JD's area names are Chinese only (jd-contract.json → area endpoints: {name: id}). A merchant who does not read
// Chinese finds 北京 by "beijing" or "bj": each name travels with its toneless pinyin and initials, computed here
// (pinyin-pro, word-aware for polyphonic characters such as 重庆 → chongqing) so the browser needs no dictionary.
import { pinyin } from "pinyin-pro";
import type { JdArea } from "../suppliers/jd/areas";
import type { PickerArea } from "../../components/consolidation/area-filter";

export function withPinyin(areas: readonly JdArea[]): PickerArea[] {
  return areas.map((a) => ({
    id: a.id, name: a.name,
    pinyin: pinyin(a.name, { toneType: "none", separator: "", nonZh: "consecutive" }).toLowerCase(),
    initials: pinyin(a.name, { pattern: "first", toneType: "none", separator: "", nonZh: "consecutive" }).toLowerCase(),
  }));
}
