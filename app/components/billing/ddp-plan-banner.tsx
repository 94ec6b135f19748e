import { Banner } from "@shopify/polaris";

/** Where a merchant sets up DDP services: says they are quoted as DDU on the current plan, and which plan includes them. */
export function DdpPlanBanner({ notice }: { notice: { planTitle: string; upgradeTo: string; services: string[] } | null }) {
  if (!notice) return null;
  return (
    <Banner tone="warning" title={`Duties-included (DDP) rates aren't part of the ${notice.planTitle} plan`} action={{ content: `Upgrade to ${notice.upgradeTo}`, url: "/app/plans" }}>
      {`${notice.services.join(", ")} ${notice.services.length > 1 ? "are" : "is"} offered at checkout as DDU: the duty estimate is shown and the buyer pays it on delivery. Rates keep working; upgrade to include duties in the rate.`}
    </Banner>
  );
}
