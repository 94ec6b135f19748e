// The merchant's China consolidation warehouses, resolved to JD area ids through JD's own area API, so a JD
// order can be delivered there (JD ships only inside China) and stock is asked for that area.
import type { ConsolidationWarehouse } from "@prisma/client";
import db from "../../db.server";
import { jdAreaId } from "../suppliers/jd/areas";
import type { JdAdapter } from "../suppliers/jd/index";
import { jdAdapterForShop } from "./jd-connection.server";
import type { ShippingAddress } from "../suppliers/supplier-order-models";

export type { ConsolidationWarehouse };

export interface WarehouseInput {
  name: string;
  contactName: string;
  phone: string;
  address: string;
  provinceId: number;
  cityId: number;
  countyId: number;
  townId: number;
}

export type SaveResult = { ok: true; warehouse: ConsolidationWarehouse } | { ok: false; errors: Record<string, string> };

export const listWarehouses = (shop: string) =>
  db.consolidationWarehouse.findMany({ where: { shop }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] });

export const defaultWarehouse = (shop: string) =>
  db.consolidationWarehouse.findFirst({ where: { shop }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] });

/**
 * Checks the fields and the id chain with JD (getTown says whether a town is required; checkArea confirms the
 * chain) and stores the Chinese names JD gave for each level. The first warehouse becomes the default.
 */
export async function saveWarehouse(shop: string, input: WarehouseInput, jd?: JdAdapter): Promise<SaveResult> {
  const errors: Record<string, string> = {};
  if (!input.name.trim()) errors.name = "Give the warehouse a name you will recognise.";
  if (!input.contactName.trim() || input.contactName.length > 20) errors.contactName = "Enter the receiver's name (up to 20 characters), as JD prints it on the parcel.";
  if (!/^1\d{10}$/.test(input.phone.trim())) errors.phone = "Enter the receiver's mainland China mobile number (11 digits starting with 1).";
  if (!input.address.trim() || input.address.length > 100) errors.address = "Enter the street address (up to 100 characters).";
  if (!(input.provinceId > 0 && input.cityId > 0 && input.countyId > 0)) errors.area = "Pick the province, city and county.";
  if (Object.keys(errors).length) return { ok: false, errors };
  const api = (jd ?? (await jdAdapterForShop(shop))).jd.areas;
  const label = await areaLabel(api, input);
  if (!label.ok) return { ok: false, errors: { area: label.message } };
  const checked = await api.check([input.provinceId, input.cityId, input.countyId, input.townId]);
  if (!checked.ok) return { ok: false, errors: { area: checked.error.message } };
  if (!checked.value) return { ok: false, errors: { area: "JD does not accept this area (地址非法). Pick each level again." } };
  const isDefault = (await db.consolidationWarehouse.count({ where: { shop } })) === 0;
  const warehouse = await db.consolidationWarehouse.create({
    data: { shop, ...input, name: input.name.trim(), contactName: input.contactName.trim(), phone: input.phone.trim(), address: input.address.trim(), areaLabel: label.value, isDefault },
  });
  return { ok: true, warehouse };
}

type LabelResult = { ok: true; value: string } | { ok: false; message: string };

async function areaLabel(api: JdAdapter["jd"]["areas"], i: WarehouseInput): Promise<LabelResult> {
  const levels = [
    ["province", api.provinces(), i.provinceId],
    ["city", api.cities(i.provinceId), i.cityId],
    ["county", api.counties(i.cityId), i.countyId],
  ] as const;
  const names: string[] = [];
  for (const [what, list, id] of levels) {
    const r = await list;
    if (!r.ok) return { ok: false, message: r.error.message };
    const hit = r.value.find((a) => a.id === id);
    if (!hit) return { ok: false, message: `JD has no ${what} with id ${id}. Pick it again from the list.` };
    names.push(hit.name);
  }
  const towns = await api.towns(i.countyId);
  if (!towns.ok) return { ok: false, message: towns.error.message };
  // "如果该地区有四级地址，则必须传递四级地址，没有四级地址则传0"
  if (towns.value.length > 0) {
    const town = towns.value.find((t) => t.id === i.townId);
    if (!town) return { ok: false, message: "This county has towns (四级地址): JD needs one. Pick the town." };
    names.push(town.name);
  } else if (i.townId !== 0) return { ok: false, message: "This county has no towns; leave the town empty." };
  return { ok: true, value: names.join(" ") };
}

export async function setDefaultWarehouse(shop: string, id: string): Promise<void> {
  const row = await db.consolidationWarehouse.findFirst({ where: { shop, id } });
  if (!row) return;
  await db.$transaction([
    db.consolidationWarehouse.updateMany({ where: { shop }, data: { isDefault: false } }),
    db.consolidationWarehouse.update({ where: { id }, data: { isDefault: true } }),
  ]);
}

export async function deleteWarehouse(shop: string, id: string): Promise<void> {
  await db.consolidationWarehouse.deleteMany({ where: { shop, id } });
  const left = await defaultWarehouse(shop);
  if (left && !left.isDefault) await setDefaultWarehouse(shop, left.id);
}

export const warehouseAreaId = (w: ConsolidationWarehouse) => jdAreaId(w);

/** Where JD delivers: the warehouse's receiver and address with its JD area ids (never the buyer abroad). */
export function consolidationShipTo(w: ConsolidationWarehouse): ShippingAddress {
  return {
    name: w.contactName, phone: w.phone, address1: w.address, city: w.areaLabel.split(" ")[1] ?? "", province: w.areaLabel.split(" ")[0],
    countryCode: "CN", supplierAreaId: warehouseAreaId(w),
  };
}
