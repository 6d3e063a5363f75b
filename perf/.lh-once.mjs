import { serve } from './server.mjs';
const { default: run } = await import('lighthouse');
const chromeLauncher = await import('chrome-launcher');
const { url, close } = await serve(process.env.DIST ?? 'dist');
const out = {};
for (const path of process.argv.slice(2)) {
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const { lhr } = await run(`${url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
  await chrome.kill();
  const a = lhr.audits;
  console.log(path, Math.round(lhr.categories.performance.score * 100), 'FCP', a['first-contentful-paint'].numericValue|0, 'LCP', a['largest-contentful-paint'].numericValue|0, 'TBT', a['total-blocking-time'].numericValue|0, 'SI', a['speed-index'].numericValue|0, 'SIscore', a['speed-index'].score, 'LCPscore', a['largest-contentful-paint'].score);
  const m = a['metrics'].details.items[0]; console.log('observed LCP', m.observedLargestContentfulPaint, 'FCP', m.observedFirstContentfulPaint, 'load', m.observedLoad);
  console.log(String(JSON.stringify(a['largest-contentful-paint-element']?.details)).slice(0, 2500));
  console.log('long tasks', JSON.stringify(a['long-tasks']?.details?.items?.map(t=>[t.url?.split('/').pop(), t.startTime|0, t.duration|0])));
  console.log('mainthread', JSON.stringify(a['mainthread-work-breakdown']?.details?.items?.map(t=>[t.group, t.duration|0])));
  console.log('bootup', JSON.stringify(a['bootup-time']?.details?.items?.map(t=>[t.url.split('/').pop(), t.total|0, t.scripting|0, t.scriptParseCompile|0])));
  const crit = a['network-requests']?.details?.items?.map((r) => `${r.url.replace(url, '')} start ${r.networkRequestTime|0} end ${r.networkEndTime|0} ${r.transferSize}B prio ${r.priority}`);
  console.log(crit.join('\n'));
}
await close();
