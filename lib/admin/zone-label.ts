import { zoneAbbreviation } from '@/lib/time/format';

/** "Europe/London (GMT)": the zone's name, with what its clocks say now where that differs. */
export function zoneLabel(zone: string, now = new Date()): string {
  const short = zoneAbbreviation(now, zone);
  const name = zone.replaceAll('_', ' ');
  return short && short !== zone ? `${name} (${short})` : name;
}
