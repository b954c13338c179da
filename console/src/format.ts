/** Answers carry China Standard Time (+08:00): show the wall-clock part as it is, whatever the browser's zone. */
export function chinaDateTime(value: string | null | undefined): string {
  return value ? value.slice(0, 16).replace('T', ' ') : '';
}
export function chinaDay(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '';
}
