// A homepage rendered from homepage-api on another origin: plain JavaScript, no build step.
// The API's address is fixed at deploy time in index.html's <meta name="homepage-api">, never
// read from the page's URL, so a link to this page cannot point it at another server. HTML
// from the API is sanitised again here (DOMPurify, vendored), and only http(s) and mailto
// URLs become links: the page stays safe even if the API it trusts is not.
"use strict";

const API = document.querySelector('meta[name="homepage-api"]').content.replace(/\/$/, "");
const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

function safeHref(url) {
  try {
    const parsed = new URL(url, API);
    return LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

function safeHTML(html) {
  return DOMPurify.sanitize(html || "", { USE_PROFILES: { html: true } });
}

function link(text, url) {
  const href = safeHref(url);
  if (href === null) return element("span", text);
  const a = element("a", text);
  a.href = href;
  a.rel = "noopener noreferrer";
  return a;
}

async function get(path, accept = "application/json") {
  const response = await fetch(API + path, { headers: { Accept: accept } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function mark(symbol, title, className) {
  const sup = element("sup", symbol, className);
  sup.title = title;
  return sup;
}

function newsDate(item) {
  if (!item.date) return "";
  const [year, month] = item.date.split("-");
  if (item.date_precision === "year") return year;
  if (item.date_precision === "month") return `${year}/${month}`;
  return item.date.replaceAll("-", "/");
}

function renderProfile(profile) {
  document.title = profile.name || "Homepage";
  document.getElementById("name").textContent = profile.name || "";
  const affiliation = document.getElementById("affiliation");
  if (profile.affiliation_url) {
    affiliation.append(link(profile.affiliation || "", profile.affiliation_url));
  } else {
    affiliation.textContent = profile.affiliation || "";
  }
  document.getElementById("biography").innerHTML = safeHTML(profile.biography_html);
}

function renderNews(items) {
  const list = document.getElementById("news");
  for (const item of items) {
    const li = element("li");
    li.append(element("span", `[${newsDate(item)}] `, "date"));
    const text = element("span", undefined, "text");
    text.innerHTML = safeHTML(item.text_html.replace(/^<p>|<\/p>\s*$/g, ""));
    li.append(text);
    list.append(li);
  }
}

function renderAuthors(authors) {
  const span = element("span", undefined, "authors");
  authors.forEach((author, index) => {
    if (index > 0) span.append(", ");
    span.append(element(author.is_owner ? "strong" : "span", author.name, "author"));
    if (author.equal_contribution) span.append(mark("*", "Equal contribution", "equal"));
    if (author.corresponding) span.append(mark("†", "Corresponding author", "corresponding"));
  });
  return span;
}

function renderPublications(publications) {
  const list = document.getElementById("publications");
  for (const publication of publications) {
    const li = element("li");
    li.dataset.slug = publication.slug;
    li.append(renderAuthors(publication.authors), ". ");
    li.append(element("span", publication.title, "title"));
    if (publication.venue) li.append(". ", element("span", publication.venue, "venue"));
    if (publication.note) li.append(` (${publication.note})`);
    const links = element("span", undefined, "links");
    for (const entry of publication.links) {
      links.append(link(`[${entry.label}]`, entry.url));
    }
    li.append(links);
    if (publication.featured) li.append(" ⭐");
    list.append(li);
  }
}

function addLinkedData(node) {
  const script = element("script");
  script.type = "application/ld+json";
  script.textContent = JSON.stringify(node);
  document.head.append(script);
}

async function main() {
  try {
    const [profile, news, publications, person] = await Promise.all([
      get("/profile"),
      get("/news?limit=10"),
      get("/publications"),
      get("/profile.jsonld", "application/ld+json"),
    ]);
    renderProfile(profile);
    renderNews(news);
    renderPublications(publications);
    addLinkedData(person);
    document.body.dataset.ready = "true";
  } catch (error) {
    const box = document.getElementById("error");
    box.hidden = false;
    box.textContent = `Cannot reach the API at ${API}: ${error.message}`;
    document.body.dataset.ready = "error";
  }
}

main();
