// Synthetic datasets for the scale benchmarks, never bundled with the app. Each synthetic
// inspection is a real one from the bundled ratings with a new id, name, area, date and
// caseload, so every field keeps the app's format and the real mix of known and unknown bands.
import { mkdir, readFile, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';

/** A small deterministic generator, so every run measures the same data. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const AREAS = ['North', 'South', 'East', 'West', 'Central', 'Upper', 'Lower', 'Greater', 'Inner', 'Outer'];
const PLACES = ['Ashford', 'Béthune Vale', 'Carrow', 'Dunmere', 'Elmstead', 'Fenwick', 'Glanford', 'Harrowby', 'Ilsley', 'Kettering Moor', 'Langdon', 'Marsh Gibbon', 'Newbold', 'Oakhanger', 'Penrith Fells', 'Quarrendon', 'Rothwell', 'Stanwick', 'Thornaby', 'Ullswater', 'Wexcombe', 'Yardley Öst'];

/** The ratings file with `count` inspections made from the real ones in `ratings`. */
export function syntheticRatings(ratings, count, seed = 1) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const inspections = [];
  for (let i = 0; i < count; i++) {
    const template = pick(ratings.inspections);
    const place = `${pick(AREAS)} ${pick(PLACES)} ${i + 1}`;
    const year = 2018 + Math.floor(next() * 6);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    const precision = next();
    const published = precision < 0.7 ? `${year}-${month}-${day}` : precision < 0.9 ? `${year}-${month}` : `${year}`;
    inspections.push({
      ...template,
      id: `synthetic-${i + 1}`,
      organisation: `${place} ${template.kind === 'CRC' ? 'CRC' : template.kind === 'PDU' ? 'PDU' : 'NPS division'}`,
      region: `${place} and district`,
      published: template.published === null ? null : published,
      caseload: template.caseload === null ? null : { ...template.caseload, count: 500 + Math.floor(next() * 9000) },
    });
  }
  return { ...ratings, inspections };
}

/** A copy of `dist` whose ratings file holds `count` synthetic inspections. */
export async function distWithRatings(dist, count, into) {
  await cp(dist, into, { recursive: true });
  const ratings = JSON.parse(await readFile(join(dist, 'data', 'ratings.json'), 'utf8'));
  await writeFile(join(into, 'data', 'ratings.json'), JSON.stringify(syntheticRatings(ratings, count)));
  return into;
}

/** The posts index and search text with `count` posts made from the real ones. */
export function syntheticPosts(index, search, count, seed = 2) {
  const next = random(seed);
  const posts = [];
  const texts = {};
  for (let i = 0; i < count; i++) {
    const template = index.posts[Math.floor(next() * index.posts.length)];
    const slug = `synthetic-post-${i + 1}`;
    const year = 2018 + Math.floor(next() * 9);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    posts.push({ ...template, slug, title: `${template.title} (${i + 1})`, published: `${year}-${month}-${day}` });
    texts[slug] = search.texts[template.slug];
  }
  posts.sort((a, b) => b.published.localeCompare(a.published));
  return { index: { ...index, posts }, search: { ...search, texts } };
}

/** A copy of `dist` whose posts index and search text hold `count` synthetic posts. */
export async function distWithPosts(dist, count, into) {
  await cp(dist, into, { recursive: true });
  const folder = join(dist, 'data', 'posts');
  const index = JSON.parse(await readFile(join(folder, 'index.json'), 'utf8'));
  const search = JSON.parse(await readFile(join(folder, 'search.json'), 'utf8'));
  const made = syntheticPosts(index, search, count);
  await writeFile(join(into, 'data', 'posts', 'index.json'), JSON.stringify(made.index));
  await writeFile(join(into, 'data', 'posts', 'search.json'), JSON.stringify(made.search));
  return into;
}

// `node perf/synthetic.mjs DIST COUNT OUT`: write one synthetic copy of the built app to look at.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, count, out] = process.argv.slice(2);
  if (!dist || !count || !out) {
    console.error('usage: node perf/synthetic.mjs DIST COUNT OUT');
    process.exit(2);
  }
  await mkdir(out, { recursive: true });
  await distWithRatings(dist, Number(count), out);
  console.log(`${out}: the app with ${count} synthetic inspections`);
}
