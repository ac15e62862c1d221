import { closenessLabel, kindLabel, relationshipLabel } from '@/lib/people/labels';
import { layoutNetworkMap, type Kind, type MapMember, type PlacedMember } from '@/lib/people/network-map';

/** Colour and shape both say the kind, so the map does not rely on colour alone. */
const kindColour: Record<Kind, string> = {
  family: '#1d6b57',
  friend: '#2f5fd0',
  professional: '#8a4b00',
  other: '#6b4f99',
};
const NODE = 11;

function Node({ m }: { m: PlacedMember }) {
  const colour = kindColour[m.kind];
  const style = m.mayBeInvited
    ? { fill: colour, stroke: colour, strokeWidth: 2 }
    : { fill: '#ffffff', stroke: colour, strokeWidth: 2.5, strokeDasharray: '4 3' };
  switch (m.kind) {
    case 'family':
      return <circle cx={m.x} cy={m.y} r={NODE} {...style} />;
    case 'friend':
      return <rect x={m.x - NODE} y={m.y - NODE} width={NODE * 2} height={NODE * 2} rx={4} {...style} />;
    case 'professional':
      return (
        <polygon
          points={`${m.x},${m.y - NODE - 2} ${m.x + NODE + 2},${m.y} ${m.x},${m.y + NODE + 2} ${m.x - NODE - 2},${m.y}`}
          {...style}
        />
      );
    default:
      return (
        <polygon
          points={`${m.x},${m.y - NODE - 2} ${m.x + NODE + 2},${m.y + NODE} ${m.x - NODE - 2},${m.y + NODE}`}
          {...style}
        />
      );
  }
}

export function NetworkMap({ personName, members }: { personName: string; members: MapMember[] }) {
  const layout = layoutNetworkMap(members);
  const notInvitable = members.filter((m) => !m.mayBeInvited).length;
  return (
    <figure className="network-map">
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby="network-map-title network-map-desc"
        width="100%"
        style={{ maxWidth: layout.width }}
      >
        <title id="network-map-title">{`${personName}'s network`}</title>
        <desc id="network-map-desc">
          {`${members.length} people around ${personName}: ${members.filter((m) => m.closeness === 'inner').length} in the inner circle, ${members.filter((m) => m.closeness === 'middle').length} in the middle and ${members.filter((m) => m.closeness === 'outer').length} in the outer circle. ${notInvitable} not to be invited. The list beside the map gives the details.`}
        </desc>
        {layout.rings.map((ring) => (
          <g key={ring.closeness}>
            <circle
              cx={layout.centre.x}
              cy={layout.centre.y}
              r={ring.r}
              fill="none"
              stroke="#c9cdc6"
              strokeWidth={1.5}
            />
            <text
              x={layout.centre.x}
              y={layout.centre.y - ring.r + 14}
              textAnchor="middle"
              fontSize="11"
              fill="#55605b"
            >
              {closenessLabel[ring.closeness].replace(' circle', '')}
            </text>
          </g>
        ))}
        {layout.members.map((m) => (
          <line
            key={`l-${m.id}`}
            x1={layout.centre.x}
            y1={layout.centre.y}
            x2={m.x}
            y2={m.y}
            stroke="#e0e3dd"
            strokeWidth={1}
          />
        ))}
        <circle cx={layout.centre.x} cy={layout.centre.y} r={30} fill="#1d2421" />
        <text
          x={layout.centre.x}
          y={layout.centre.y + 5}
          textAnchor="middle"
          fontSize="13"
          fontWeight="700"
          fill="#ffffff"
        >
          {personName.split(' ')[0]}
        </text>
        {layout.members.map((m) => (
          <g key={m.id}>
            <Node m={m} />
            <text x={m.labelX} y={m.labelY} textAnchor={m.anchor} fontSize="13" fill="#1d2421">
              <tspan fontWeight="600">{m.name}</tspan>
              <tspan fill="#55605b">{` · ${relationshipLabel[m.relationship as keyof typeof relationshipLabel] ?? m.relationship}`}</tspan>
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="map-legend">
        {(Object.keys(kindColour) as Kind[]).map((kind) => (
          <span key={kind} className="legend-item">
            <svg width="18" height="18" viewBox="-12 -12 24 24" aria-hidden="true">
              <Node
                m={{
                  id: kind,
                  name: '',
                  relationship: '',
                  kind,
                  closeness: 'inner',
                  mayBeInvited: true,
                  x: 0,
                  y: 0,
                  labelX: 0,
                  labelY: 0,
                  anchor: 'middle',
                }}
              />
            </svg>
            {kindLabel[kind]}
          </span>
        ))}
        <span className="legend-item">
          <svg width="18" height="18" viewBox="-12 -12 24 24" aria-hidden="true">
            <circle r={NODE - 2} fill="#fff" stroke="#55605b" strokeWidth={2.5} strokeDasharray="4 3" />
          </svg>
          Outline only: not to be invited
        </span>
      </figcaption>
    </figure>
  );
}
