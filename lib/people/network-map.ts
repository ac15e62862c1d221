import { tenth } from '@/lib/charts/tenth';

/**
 * Where each network member sits on the map: the person at the centre, one ring per
 * closeness, members spread evenly around their ring (family first, so they sit together).
 * Pure geometry, so the picture can be drawn on the server and tested without a browser.
 */
export type Closeness = 'inner' | 'middle' | 'outer';
export type Kind = 'family' | 'friend' | 'professional' | 'other';

export type MapMember = {
  id: string;
  name: string;
  relationship: string;
  kind: Kind;
  closeness: Closeness;
  mayBeInvited: boolean;
};
export type PlacedMember = MapMember & {
  x: number;
  y: number;
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
};
export type NetworkMapLayout = {
  width: number;
  height: number;
  centre: { x: number; y: number };
  rings: { closeness: Closeness; r: number }[];
  members: PlacedMember[];
};

const ringShare: Record<Closeness, number> = { inner: 0.36, middle: 0.66, outer: 0.95 };
// Each ring starts a little further round, so members of different rings do not line up.
const ringOffset: Record<Closeness, number> = { inner: 0, middle: Math.PI / 7, outer: Math.PI / 11 };
const kindOrder: Record<Kind, number> = { family: 0, friend: 1, other: 2, professional: 3 };
const LABEL_GAP = 20;
const SIDE_PADDING = 110;
const TOP_PADDING = 36;

export function layoutNetworkMap(members: MapMember[], radius = 190): NetworkMapLayout {
  const width = 2 * (radius + SIDE_PADDING);
  const height = 2 * (radius + TOP_PADDING);
  const centre = { x: width / 2, y: height / 2 };
  const rings = (Object.keys(ringShare) as Closeness[]).map((closeness) => ({
    closeness,
    r: Math.round(radius * ringShare[closeness]),
  }));
  const placed: PlacedMember[] = [];
  for (const ring of rings) {
    const onRing = members
      .filter((m) => m.closeness === ring.closeness)
      .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.name.localeCompare(b.name));
    onRing.forEach((member, i) => {
      const angle = -Math.PI / 2 + ringOffset[ring.closeness] + (2 * Math.PI * i) / onRing.length;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      placed.push({
        ...member,
        x: tenth(centre.x + ring.r * cos),
        y: tenth(centre.y + ring.r * sin),
        labelX: tenth(centre.x + (ring.r + LABEL_GAP) * cos),
        labelY: tenth(centre.y + (ring.r + LABEL_GAP) * sin + 4),
        anchor: cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle',
      });
    });
  }
  return { width, height, centre, rings, members: placed };
}
