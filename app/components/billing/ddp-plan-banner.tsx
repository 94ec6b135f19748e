import { Banner } from "@shopify/polaris";
import { useFormat, useT } from "../../i18n/react";

/** Where a merchant sets up DDP services: says they are quoted as DDU on the current plan, and which plan includes them. */
export function DdpPlanBanner({ notice }: { notice: { planTitle: string; upgradeTo: string; services: string[] } | null }) {
  const t = useT("shipping-tools");
  const fmt = useFormat();
  if (!notice) return null;
  const plan = (title: string) => t(`common:plans.${title.toLowerCase()}`, { defaultValue: title });
  return (
    <Banner tone="warning" title={t("ddpBanner.title", { plan: plan(notice.planTitle) })} action={{ content: t("ddpBanner.upgrade", { plan: plan(notice.upgradeTo) }), url: "/app/plans" }}>
      {t("ddpBanner.body", { services: fmt.list(notice.services) })}
    </Banner>
  );
}
