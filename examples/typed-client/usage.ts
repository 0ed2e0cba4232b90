// A small program against the generated types: if the OpenAPI document loses a field or a
// type, this stops compiling.
import type { components, operations } from "./schema";

type Publication = components["schemas"]["PublicationPublic"];
type Author = components["schemas"]["Author"];
type NewsItem = components["schemas"]["NewsPublic"];
type CSLItem = components["schemas"]["CSLItem"];
type PublicationFilters = NonNullable<operations["list_publications"]["parameters"]["query"]>;

export function authorLine(authors: Author[]): string {
  return authors
    .map((a) => (a.is_owner ? `**${a.name}**` : a.name) + (a.equal_contribution ? "*" : ""))
    .join(", ");
}

export function citation(publication: Publication): string {
  const venue = publication.venue ?? "unpublished";
  const year = publication.year === null || publication.year === undefined ? "" : ` ${publication.year}`;
  const featured: boolean = publication.featured ?? false;
  return `${authorLine(publication.authors)}. ${publication.title}. ${venue}${year}${featured ? " ⭐" : ""}`;
}

export function headline(item: NewsItem): string {
  const precision: "day" | "month" | "year" | null | undefined = item.date_precision;
  return `${item.date ?? "undated"} (${precision ?? "?"}) ${item.text}`;
}

export function cslKey(item: CSLItem): string {
  return item.id;
}

export async function featuredPublications(base: string): Promise<Publication[]> {
  const filters: PublicationFilters = { featured: true, limit: 10 };
  const query = new URLSearchParams(
    Object.entries(filters).map(([key, value]) => [key, String(value)]),
  );
  const response = await fetch(`${base}/publications?${query}`);
  return (await response.json()) as Publication[];
}
