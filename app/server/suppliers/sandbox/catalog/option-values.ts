import type { Bilingual, OptionTemplate } from "./catalog-types";

export const COLOURS: readonly Bilingual[] = [
  ["Black", "黑色"], ["White", "白色"], ["Red", "红色"], ["Blue", "蓝色"], ["Green", "绿色"],
  ["Pink", "粉色"], ["Grey", "灰色"], ["Beige", "米色"], ["Navy", "藏青色"], ["Yellow", "黄色"],
];

/** Image file key per colour; the image script draws one SVG per category × colour. */
export const COLOUR_HEX: Readonly<Record<string, string>> = {
  black: "#2b2b2e", white: "#f4f4f2", red: "#d64541", blue: "#3a7bd5", green: "#3fa66b",
  pink: "#f29bb5", grey: "#9aa0a6", beige: "#e3d5b8", navy: "#23395d", yellow: "#f2c94c",
};

export const colourOption = (pick: readonly [number, number] = [1, 4]): OptionTemplate => ({
  name: "Color", values: COLOURS, pick,
});

export const APPAREL_SIZES: OptionTemplate = {
  name: "Size", values: [["S", "S"], ["M", "M"], ["L", "L"], ["XL", "XL"], ["XXL", "XXL"]], pick: [3, 5],
};

export const stepsOption = (name: string, values: readonly Bilingual[], costSteps: readonly number[]): OptionTemplate => ({
  name, values, costSteps, pick: [1, values.length],
});
