/** The inbox count in the navigation (filled by the inbox feature's query). */
export function NavBadge() {
  return null;
}
