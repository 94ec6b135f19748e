import type { CategoryTemplate } from "./catalog-types";
import { APPAREL_SIZES, colourOption, stepsOption } from "./option-values";

export const APPAREL: CategoryTemplate = {
  id: "apparel",
  name: ["Apparel", "服装"],
  warehouses: ["CN-GZ", "CN-YW"],
  adjectives: [["Oversized", "宽松"], ["Casual", "休闲"], ["Vintage", "复古"], ["Breathable", "透气"], ["Cropped", "短款"], ["Classic", "经典"]],
  materials: [["cotton", "纯棉"], ["polyester", "涤纶"], ["linen blend", "亚麻混纺"], ["fleece", "抓绒"], ["spandex", "氨纶"]],
  types: [
    { key: "t-shirt", name: ["T-Shirt", "T恤"], hs: "610910", costYuan: [12, 40], weightG: [150, 260], sizeMm: [300, 250, 20],
      options: [colourOption([2, 5]), APPAREL_SIZES], features: [["Crew Neck", "圆领"], ["Graphic Print", "印花"], ["Drop Shoulder", "落肩"]] },
    { key: "hoodie", name: ["Hoodie", "连帽卫衣"], hs: "611020", costYuan: [35, 90], weightG: [450, 750], sizeMm: [350, 300, 60],
      options: [colourOption([2, 4]), APPAREL_SIZES], features: [["Kangaroo Pocket", "袋鼠口袋"], ["Brushed Inside", "加绒"], ["Unisex", "男女同款"]] },
    { key: "leggings", name: ["Yoga Leggings", "瑜伽裤"], hs: "610463", costYuan: [18, 50], weightG: [180, 280], sizeMm: [280, 200, 30],
      options: [colourOption([2, 4]), APPAREL_SIZES], features: [["High Waist", "高腰"], ["Squat Proof", "不透"], ["Side Pocket", "侧袋"]] },
    { key: "dress", name: ["Summer Dress", "连衣裙"], hs: "610443", costYuan: [30, 110], weightG: [200, 400], sizeMm: [320, 260, 30],
      options: [colourOption([1, 4]), APPAREL_SIZES], features: [["Floral Print", "碎花"], ["Midi Length", "中长款"], ["Puff Sleeve", "泡泡袖"]] },
    { key: "socks", name: ["Crew Socks", "袜子"], hs: "611595", costYuan: [5, 20], weightG: [60, 200], sizeMm: [220, 100, 30],
      options: [colourOption([1, 4]), stepsOption("Pack", [["3 pairs", "3双装"], ["6 pairs", "6双装"]], [1, 1.8])],
      features: [["Cushioned", "毛圈底"], ["Anti-Odour", "防臭"], ["Striped", "条纹"]] },
    { key: "cap", name: ["Baseball Cap", "棒球帽"], hs: "650500", costYuan: [8, 30], weightG: [80, 130], sizeMm: [260, 200, 120],
      options: [colourOption([2, 5])], features: [["Adjustable Strap", "可调节"], ["Embroidered", "刺绣"], ["Sun Protection", "防晒"]] },
  ],
};

export const HOME_KITCHEN: CategoryTemplate = {
  id: "home-kitchen",
  name: ["Home & Kitchen", "家居厨房"],
  warehouses: ["CN-YW", "CN-GZ"],
  adjectives: [["Stackable", "可叠放"], ["Non-Stick", "不粘"], ["Eco-Friendly", "环保"], ["Minimalist", "简约"], ["Heat-Resistant", "耐高温"], ["Nordic", "北欧风"]],
  materials: [["food-grade silicone", "食品级硅胶"], ["304 stainless steel", "304不锈钢"], ["ceramic", "陶瓷"], ["bamboo", "竹制"], ["borosilicate glass", "高硼硅玻璃"]],
  types: [
    { key: "water-bottle", name: ["Insulated Water Bottle", "保温杯"], hs: "732393", costYuan: [18, 60], weightG: [280, 520], sizeMm: [75, 75, 260],
      options: [colourOption([2, 5]), stepsOption("Volume", [["500ml", "500毫升"], ["750ml", "750毫升"]], [1, 1.3])],
      features: [["Keeps Cold 24h", "24小时保冷"], ["Leak-Proof Lid", "防漏盖"], ["Straw Lid", "吸管盖"]] },
    { key: "spatula-set", name: ["Silicone Spatula Set", "硅胶铲套装"], hs: "392410", costYuan: [10, 35], weightG: [180, 400], sizeMm: [300, 80, 40],
      options: [colourOption([1, 3])], features: [["5 Pieces", "5件套"], ["Seamless", "一体成型"], ["Dishwasher Safe", "可洗碗机"]] },
    { key: "mug", name: ["Ceramic Mug", "陶瓷马克杯"], hs: "691200", costYuan: [8, 30], weightG: [300, 450], sizeMm: [120, 90, 100],
      options: [colourOption([1, 4])], features: [["With Lid", "带盖"], ["Microwave Safe", "可微波"], ["Hand-Glazed", "手工釉"]] },
    { key: "storage-box", name: ["Storage Box", "收纳盒"], hs: "392490", costYuan: [6, 30], weightG: [200, 700], sizeMm: [300, 200, 150],
      options: [colourOption([1, 3]), stepsOption("Size", [["Small", "小号"], ["Large", "大号"]], [1, 1.5])],
      features: [["Foldable", "可折叠"], ["Clear Window", "透明视窗"], ["Airtight", "密封"]] },
    { key: "kitchen-scale", name: ["Digital Kitchen Scale", "厨房电子秤"], hs: "842381", costYuan: [15, 45], weightG: [300, 600], sizeMm: [200, 160, 25],
      options: [colourOption([1, 2])], features: [["0.1g Precision", "0.1克精度"], ["Tare Function", "去皮"], ["Backlit Display", "背光屏"]],
      hazards: { battery: true } },
    { key: "led-strip", name: ["LED Strip Light", "LED灯带"], hs: "940542", costYuan: [12, 55], weightG: [150, 400], sizeMm: [150, 150, 40],
      options: [stepsOption("Length", [["5m", "5米"], ["10m", "10米"]], [1, 1.7])],
      features: [["App Control", "APP控制"], ["Music Sync", "音乐律动"], ["USB Powered", "USB供电"]] },
    { key: "fridge-magnets", name: ["Fridge Magnets", "冰箱贴"], hs: "850519", costYuan: [3, 15], weightG: [40, 120], sizeMm: [120, 90, 20],
      options: [stepsOption("Pack", [["6 pcs", "6个装"], ["12 pcs", "12个装"]], [1, 1.7])],
      features: [["Cute Animals", "可爱动物"], ["Strong Magnet", "强磁"], ["Resin", "树脂"]], hazards: { magnet: true } },
  ],
};
