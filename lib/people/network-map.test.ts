import { describe, expect, it } from 'vitest';
import { layoutNetworkMap, type MapMember } from './network-map';

const member = (id: string, closeness: MapMember['closeness'], kind: MapMember['kind'] = 'family'): MapMember => ({
  id,
  name: id,
  relationship: 'friend',
  kind,
  closeness,
  mayBeInvited: true,
});

describe('the network map layout', () => {
  it('puts the person at the centre and members on the ring of their closeness', () => {
    const layout = layoutNetworkMap(
      [member('a', 'inner'), member('b', 'middle'), member('c', 'outer'), member('d', 'inner')],
      200,
    );
    expect(layout.centre).toEqual({ x: layout.width / 2, y: layout.height / 2 });
    const radius = (id: string) => {
      const m = layout.members.find((p) => p.id === id)!;
      return Math.hypot(m.x - layout.centre.x, m.y - layout.centre.y);
    };
    const ring = (c: string) => layout.rings.find((r) => r.closeness === c)!.r;
    expect(radius('a')).toBeCloseTo(ring('inner'), 0);
    expect(radius('d')).toBeCloseTo(ring('inner'), 0);
    expect(radius('b')).toBeCloseTo(ring('middle'), 0);
    expect(radius('c')).toBeCloseTo(ring('outer'), 0);
    expect(ring('inner')).toBeLessThan(ring('middle'));
    expect(ring('middle')).toBeLessThan(ring('outer'));
  });

  it('spreads members of one ring evenly, the first at the top', () => {
    const layout = layoutNetworkMap([member('a', 'inner'), member('b', 'inner')], 200);
    const [a, b] = layout.members;
    expect(a!.x).toBeCloseTo(layout.centre.x, 0);
    expect(a!.y).toBeLessThan(layout.centre.y);
    // Opposite sides of the centre.
    expect(b!.x).toBeCloseTo(layout.centre.x, 0);
    expect(b!.y).toBeGreaterThan(layout.centre.y);
  });

  it('keeps family together and labels outside their node, within the picture', () => {
    const people = [
      member('zed', 'inner', 'professional'),
      member('amy', 'inner', 'family'),
      member('bob', 'inner', 'friend'),
      member('cat', 'inner', 'family'),
    ];
    const layout = layoutNetworkMap(people, 200);
    expect(layout.members.map((m) => m.id)).toEqual(['amy', 'cat', 'bob', 'zed']);
    for (const m of layout.members) {
      expect(Math.hypot(m.labelX - layout.centre.x, m.labelY - 4 - layout.centre.y)).toBeGreaterThan(
        Math.hypot(m.x - layout.centre.x, m.y - layout.centre.y),
      );
      expect(m.labelX).toBeGreaterThan(0);
      expect(m.labelX).toBeLessThan(layout.width);
      expect(m.labelY).toBeGreaterThan(0);
      expect(m.labelY).toBeLessThan(layout.height);
    }
    const right = layout.members.find((m) => m.x > layout.centre.x + 50)!;
    expect(right.anchor).toBe('start');
  });

  it('draws an empty network as just the person and the rings', () => {
    const layout = layoutNetworkMap([]);
    expect(layout.members).toEqual([]);
    expect(layout.rings).toHaveLength(3);
  });
});
