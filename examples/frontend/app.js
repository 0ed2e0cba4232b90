// A homepage rendered from homepage-api on another origin: plain JavaScript, no build step.
// The API's address comes from `?api=` (default http://127.0.0.1:8000).
"use strict";

const API = (new URLSearchParams(location.search).get("api") || "http://127.0.0.1:8000")
  .replace(/\/$/, "");

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
    const link = element("a", profile.affiliation);
    link.href = profile.affiliation_url;
    affiliation.append(link);
  } else {
    affiliation.textContent = profile.affiliation || "";
  }
  // The API sanitises biography_html (nh3), so it is safe to insert.
  document.getElementById("biography").innerHTML = profile.biography_html;
}

function renderNews(items) {
  const list = document.getElementById("news");
  for (const item of items) {
    const li = element("li");
    li.append(element("span", `[${newsDate(item)}] `, "date"));
    const text = element("span", undefined, "text");
    text.innerHTML = item.text_html.replace(/^<p>|<\/p>\s*$/g, "");
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
    for (const link of publication.links) {
      const a = element("a", `[${link.label}]`);
      a.href = link.url;
      a.rel = "noopener";
      links.append(a);
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
