/** A FormData as a browser would send it from a form with these fields. */
export function formData(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values))
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}
