// Load without loss (issue 20): N caseworkers write through the web forms at once, and afterwards
// every write the server acknowledged is in the database exactly once, with its change-log row.
//
//   node bench/load/last.mjs [--database sqlite|postgres] [--gebruikers 50] [--duur 600] [--scale 0.2] [--gedeeld]
//   node bench/load/last.mjs --database postgres --proeven 20 --gebruikers 10 --duur 8   # kill -9 trials
//
// LEERSPOOR: the binary (default target/release/leerspoor); PGURL: the PostgreSQL server
// (default postgres://postgres:leerspoor@127.0.0.1:5432); SPOOR=1 prints each step's time.
// Node 20 (its own fetch), and sqlite3 or psql to read the database.
//
// It makes the demo region in a fresh database (`leerspoor demo --alleen-maken`; PostgreSQL: a
// database of its own, dropped afterwards), gives leerplichtambtenaren of the region an account
// (`leerspoor account`; more users than leerplichtambtenaren share accounts, each with a session of
// its own), starts `leerspoor demo` on it and signs every user in once, as a browser would: no
// second step (the demo's), no lowered throttle (right passwords are never throttled).
// Each user owns a share of the youths of 11-14 with a school (so no two users write about one
// youth; --gedeeld: all of them write about the same 5, and collide) and loops until the time is
// up: a verzuimmelding, then in a zaak of the youth an action and the closing, then a vrijstelling
// requested and decided. Every write carries a marker of its own in its text (a closing names its zaak).
// Answers: 303 is a success; 422 (a rule) and 409 (a colleague wrote first) are refusals with a
// Dutch message, counted apart; anything else, or no answer in 120 s, is a failure. Per kind: count,
// successes, refusals, failures, p50/p95/p99/max of the latency.
// Afterwards, against the database: every acknowledged write is there exactly once (rows with its
// marker; a closed zaak; a decided request), no refused or failed write left a row, each new row has
// its `nieuw` line in the change log and each decision or closing its `status` line, the tables grew
// by exactly the writes found, and `leerspoor controle integriteit` finds nothing. Exit 1 on any
// failure or finding.
//
// --proeven N (kill -9 trials, bench/crash/run.sh): N times, a fresh copy of the prepared database,
// the server started, the users writing, and after a random 1 s to --duur s the server killed with
// SIGKILL; then, without a restart, the same checks, where a write that was under way at the kill
// may be there (once) or not: the trial reports how many of each it saw.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const wortel = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opties } = parseArgs({
  options: {
    database: { type: 'string', default: 'sqlite' },
    gebruikers: { type: 'string', default: '50' },
    duur: { type: 'string', default: '600' },
    scale: { type: 'string', default: '0.2' },
    proeven: { type: 'string', default: '0' },
    gedeeld: { type: 'boolean', default: false },
  },
});
const LEERSPOOR = process.env.LEERSPOOR ?? join(wortel, 'target', 'release', 'leerspoor');
const PGURL = process.env.PGURL ?? 'postgres://postgres:leerspoor@127.0.0.1:5432';
const GEBRUIKERS = Number(opties.gebruikers);
const DUUR = Number(opties.duur);
const PROEVEN = Number(opties.proeven);
const POSTGRES = opties.database === 'postgres';
if (!['sqlite', 'postgres'].includes(opties.database) || !(GEBRUIKERS > 0) || !(DUUR > 0) || !(PROEVEN >= 0)) {
  console.error('gebruik: node bench/load/last.mjs [--database sqlite|postgres] [--gebruikers N] [--duur S] [--scale X] [--gedeeld] [--proeven N]');
  process.exit(2);
}
const WACHTWOORD = 'lastproef paarse olifant fietst langs de Vecht';
// The demo's today is 15 June 2021 (`leerspoor demo`): the dates of the writes lie around it.
const VANDAAG = '2021-06-15';
const POORT = 19000 + (process.pid % 1000);
const BASIS = `http://127.0.0.1:${POORT}`;
const RUN = Date.now().toString(36);
// --gedeeld: every user writes about the same few youths, each starting at another one.
const GEDEELD = 5;
// An answer that takes longer is a failure (and a hung connection cannot hold a trial up).
const WACHTTIJD = 120_000;
const werk = mkdtempSync(join(tmpdir(), 'leerspoor-last-'));
const databases = [];

function leerspoor(args, url, env = {}) {
  const r = spawnSync(LEERSPOOR, ['--database-url', url, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 600_000 });
  if (r.error) throw new Error(`${LEERSPOOR}: ${r.error.message}`);
  return { code: r.status, uit: `${r.stdout}${r.stderr}` };
}

/** A query's rows as objects: sqlite3 -json, or psql with the rows as one JSON array. */
function sql(url, vraag) {
  const r = POSTGRES
    ? spawnSync('psql', ['-X', '-At', '-v', 'ON_ERROR_STOP=1', url, '-c', `SELECT coalesce(json_agg(t), '[]') FROM (${vraag}) t`], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync('sqlite3', ['-json', '-cmd', '.timeout 60000', url.slice('sqlite:'.length), vraag], { encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${vraag}\n${r.error ?? r.stderr}`);
  return JSON.parse(r.stdout.trim() || '[]');
}

function nieuweDatabase(naam, sjabloon) {
  if (!POSTGRES) {
    const pad = join(werk, `${naam}.sqlite`);
    // The template's WAL too: a command that ends without closing its pool leaves it behind.
    for (const s of sjabloon ? ['', '-wal'] : []) {
      if (existsSync(`${sjabloon.slice('sqlite:'.length)}${s}`)) copyFileSync(`${sjabloon.slice('sqlite:'.length)}${s}`, `${pad}${s}`);
    }
    return `sqlite:${pad}`;
  }
  const db = `leerspoor_last_${process.pid}_${naam}`;
  beheer(`CREATE DATABASE ${db}${sjabloon ? ` TEMPLATE ${sjabloon.split('/').pop()}` : ''}`);
  databases.push(db);
  return `${PGURL}/${db}`;
}

/** A statement on the PostgreSQL server (its `postgres` database): making and dropping databases. */
function beheer(opdracht) {
  const r = spawnSync('psql', ['-XAtq', '-v', 'ON_ERROR_STOP=1', `${PGURL}/postgres`, '-c', opdracht], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${opdracht}: ${r.stderr}`);
}

function gooiWeg(url) {
  if (!POSTGRES) {
    for (const s of ['', '-wal', '-shm']) rmSync(`${url.slice('sqlite:'.length)}${s}`, { force: true });
    return;
  }
  const db = url.split('/').pop();
  beheer(`DROP DATABASE IF EXISTS ${db}`);
  databases.splice(databases.indexOf(db), 1);
}

function ruimOp() {
  for (const db of [...databases]) gooiWeg(`${PGURL}/${db}`);
  rmSync(werk, { recursive: true, force: true });
}

/** The demo region with an account per leerplichtambtenaar; the users' accounts and youths. */
function bereidVoor() {
  const url = nieuweDatabase('sjabloon');
  const demo = leerspoor(['demo', '--alleen-maken', '--scale', opties.scale], url);
  if (demo.code !== 0) throw new Error(`leerspoor demo:\n${demo.uit}`);
  const lpa = sql(url, `SELECT id FROM medewerker WHERE rol = 'leerplichtambtenaar' AND uit_dienst IS NULL ORDER BY id`);
  const accounts = lpa.slice(0, GEBRUIKERS).map((m, i) => {
    const naam = `last-${String(i + 1).padStart(2, '0')}`;
    const r = leerspoor(['account', naam, '--medewerker', m.id], url, { LEERSPOOR_WACHTWOORD: WACHTWOORD });
    if (r.code !== 0) throw new Error(`leerspoor account ${naam}:\n${r.uit}`);
    return naam;
  });
  // Youths of 11 to 14 on the demo's today, at a school then: leerplichtig, so a melding opens a zaak.
  const jongeren = sql(url, `SELECT j.id, min(i.brin || '|' || i.vestiging) AS school FROM jongere j
    JOIN inschrijving i ON i.jongere = j.id AND i.begindatum <= '2021-05-01' AND (i.einddatum IS NULL OR i.einddatum >= '${VANDAAG}')
    WHERE j.geboortedatum BETWEEN '2006-07-01' AND '2010-06-01' AND j.overlijdensdatum IS NULL GROUP BY j.id ORDER BY j.id`);
  if (accounts.length === 0 || jongeren.length < GEBRUIKERS) {
    throw new Error(`te klein: ${accounts.length} leerplichtambtenaren, ${jongeren.length} jongeren voor ${GEBRUIKERS} gebruikers`);
  }
  return { url, accounts, jongeren };
}

function startServer(url) {
  const proces = spawn(LEERSPOOR, ['--database-url', url, 'demo', '--adres', `127.0.0.1:${POORT}`, '--http-cookie'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let uitvoer = '';
  return new Promise((klaar, mislukt) => {
    const stop = setTimeout(() => mislukt(new Error(`leerspoor demo startte niet:\n${uitvoer}`)), 120_000);
    const lees = (d) => {
      uitvoer += d;
      if (uitvoer.includes('draait op')) { clearTimeout(stop); klaar(proces); }
    };
    proces.stdout.on('data', lees);
    proces.stderr.on('data', lees);
    proces.logboek = () => uitvoer;
    proces.on('exit', (code, signaal) => { proces.gestopt = true; mislukt(new Error(`leerspoor demo stopte (${code ?? signaal}):\n${uitvoer}`)); });
  });
}

/** Waits until the server answers: it says it runs just before it listens. */
async function bereikbaar() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASIS}/aanmelden`, { signal: AbortSignal.timeout(WACHTTIJD) })).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((klaar) => setTimeout(klaar, 100));
  }
  throw new Error(`${BASIS} antwoordt niet`);
}

const koekje = (antwoord, naam) =>
  antwoord.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith(`${naam}=`));
const csrfIn = (html) => html.match(/name="csrf" value="([^"]+)"/)?.[1];

/** Signs in as a browser does: the form's token and its cookie, then the session cookie. */
async function aanmelden(naam) {
  const formulier = await fetch(`${BASIS}/aanmelden`);
  const token = csrfIn(await formulier.text());
  const antwoord = await fetch(`${BASIS}/aanmelden`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: koekje(formulier, 'leerspoor_aanmelden') },
    body: new URLSearchParams({ csrf: token, terug: '', gebruikersnaam: naam, wachtwoord: WACHTWOORD }),
  });
  const sessie = koekje(antwoord, 'leerspoor_sessie');
  if (antwoord.status !== 303 || !sessie) throw new Error(`aanmelden als ${naam}: ${antwoord.status}`);
  return sessie;
}

/** Latencies and answers per kind of request. */
class Metingen {
  constructor() { this.soorten = new Map(); }
  soort(naam) {
    if (!this.soorten.has(naam)) this.soorten.set(naam, { ms: [], gelukt: 0, geweigerd: 0, mislukt: 0, weigeringen: new Map(), fouten: new Map() });
    return this.soorten.get(naam);
  }
  tabel() {
    const regels = [['soort', 'aantal', 'gelukt', 'geweigerd', 'mislukt', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms']];
    for (const [naam, s] of this.soorten) {
      const ms = [...s.ms].sort((a, b) => a - b);
      const p = (q) => (ms.length ? ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)].toFixed(0) : '-');
      regels.push([naam, ms.length, s.gelukt, s.geweigerd, s.mislukt, p(0.5), p(0.95), p(0.99), ms.length ? ms.at(-1).toFixed(0) : '-']);
    }
    const breed = regels[0].map((_, k) => Math.max(...regels.map((r) => String(r[k]).length)));
    return regels.map((r) => r.map((v, k) => (k ? String(v).padStart(breed[k]) : String(v).padEnd(breed[k]))).join('  ')).join('\n');
  }
}

/** One caseworker: its session, its youths, and the writes it did (by outcome). */
class Gebruiker {
  constructor(nummer, sessie, jongeren, metingen, schrijven) {
    Object.assign(this, { nummer, sessie, jongeren, metingen, schrijven, volgnummer: 0, csrf: null });
  }

  marker(soort) { return `last-${RUN}-${soort}${this.nummer}.${++this.volgnummer}`; }

  async vraag(soort, pad, velden) {
    const begin = performance.now();
    const s = this.metingen.soort(soort);
    try {
      const antwoord = await fetch(`${BASIS}${pad}`, velden ? {
        method: 'POST', redirect: 'manual', signal: AbortSignal.timeout(WACHTTIJD),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.sessie },
        body: new URLSearchParams({ csrf: this.csrf, ...velden }),
      } : { headers: { cookie: this.sessie }, redirect: 'manual', signal: AbortSignal.timeout(WACHTTIJD) });
      const html = await antwoord.text();
      s.ms.push(performance.now() - begin);
      return { status: antwoord.status, html };
    } catch (e) {
      s.ms.push(performance.now() - begin);
      return { status: 0, html: String(e.cause?.code ?? e.message) };
    }
  }

  /** A write: 303 acknowledged, 422 refused by a rule or 409 by a colleague's write, anything else failed. */
  async schrijf(soort, pad, velden, wat) {
    const s = this.metingen.soort(soort);
    const schrijfactie = { soort, wat, marker: velden.reden ?? velden.toelichting, uitkomst: 'onderweg' };
    this.schrijven.push(schrijfactie);
    const { status, html } = await this.vraag(soort, pad, velden);
    if (status === 303) {
      s.gelukt++;
      schrijfactie.uitkomst = 'gelukt';
    } else if (status === 422 || status === 409) {
      s.geweigerd++;
      schrijfactie.uitkomst = 'geweigerd';
      const reden = (html.match(/class="(?:veld__fout|utrecht-form-field-error-message)[^"]*"[^>]*>([^<]+)/)?.[1]
        ?? html.match(/id="formulierfout"[^>]*>\s*<p>([^<]+)/)?.[1] ?? '(geen melding gevonden)').trim()
        .replace(/\b[A-Z]-[A-Z0-9]{8,}\b/g, '…');
      s.weigeringen.set(reden, (s.weigeringen.get(reden) ?? 0) + 1);
    } else {
      s.mislukt++;
      schrijfactie.uitkomst = status === 0 ? 'geen antwoord' : 'mislukt';
      const reden = status === 0 ? `geen antwoord (${html})` : `HTTP ${status}`;
      s.fouten.set(reden, (s.fouten.get(reden) ?? 0) + 1);
    }
    return schrijfactie.uitkomst === 'gelukt';
  }

  async dossier(jongere) {
    const { status, html } = await this.vraag('dossier lezen', `/jongeren/${jongere}`);
    const s = this.metingen.soort('dossier lezen');
    if (status !== 200) {
      s.mislukt++;
      const reden = status === 0 ? `geen antwoord (${html})` : `HTTP ${status}`;
      s.fouten.set(reden, (s.fouten.get(reden) ?? 0) + 1);
      return null;
    }
    s.gelukt++;
    this.csrf = csrfIn(html) ?? this.csrf;
    const ids = (re) => [...html.matchAll(re)].map((m) => m[1]);
    return {
      zaken: ids(new RegExp(`/jongeren/${jongere}/zaken/([^/"]+)/actie`, 'g')),
      aanvragen: ids(new RegExp(`/jongeren/${jongere}/vrijstellingen/([^/"]+)/besluit`, 'g')),
      redenen: ids(/name="reden" required><option value="">[^<]*<\/option>(?:<option value="([^"]+)")/g),
    };
  }

  /** One round about one youth: melding, action, closing, request, decision. */
  async ronde({ id: jongere, school }, stop) {
    const voor = await this.dossier(jongere);
    if (!voor || stop()) return;
    const dag = String(1 + (this.volgnummer % 10)).padStart(2, '0');
    await this.schrijf('melding', `/jongeren/${jongere}/melding`, {
      soort: 'wettelijk_16_uur', school, meldingsdatum: VANDAAG, verzuim_van: `2021-06-${dag}`, verzuim_tot: '',
      uren: '18', alle_lessen_gemist: '', deels_lesbaar: '', reden: this.marker('M'),
    }, { tabel: 'verzuimmelding' });
    const na = await this.dossier(jongere);
    const zaak = na?.zaken[0];
    if (zaak && !stop()) {
      await this.schrijf('actie', `/jongeren/${jongere}/zaken/${zaak}/actie`, {
        soort: 'gesprek', datum: VANDAAG, pv_tegen: '', ouder: '', overmacht: '', toelichting: this.marker('A'),
      }, { tabel: 'actie' });
      if (stop()) return;
      await this.schrijf('zaak sluiten', `/jongeren/${jongere}/zaken/${zaak}/sluiten`,
        { reden: na.redenen[0] ?? 'opgelost', datum: VANDAAG }, { zaak });
    }
    if (stop()) return;
    const gevraagd = await this.schrijf('vrijstelling aanvragen', `/jongeren/${jongere}/vrijstelling`, {
      artikel: 'art5_sub_c', aanvraagdatum: '2021-06-01', geldig_van: '2021-08-01', geldig_tot: '2022-07-31', dagen: '',
      artsverklaring_datum: '', swv_advies_datum: '', toelichting: this.marker('V'),
    }, { tabel: 'vrijstelling' });
    if (!gevraagd || stop()) return;
    const open = await this.dossier(jongere);
    const aanvraag = open?.aanvragen.find((v) => !voor.aanvragen.includes(v));
    if (!aanvraag || stop()) return;
    // Every other request granted, the rest refused (with reasons, Awb art. 3:46).
    const toekennen = this.volgnummer % 2 === 0;
    await this.schrijf('vrijstelling besluiten', `/jongeren/${jongere}/vrijstellingen/${aanvraag}/besluit`, {
      besluit: toekennen ? 'toekennen' : 'afwijzen', besluitdatum: '2021-06-10', geldig_van: '', geldig_tot: '',
      toelichting: this.marker('B'),
    }, { vrijstelling: aanvraag, status: toekennen ? 'toegekend' : 'afgewezen' });
  }

  async werk(stop) {
    for (let i = 0; !stop(); i++) await this.ronde(this.jongeren[i % this.jongeren.length], stop);
  }
}

const aantal = (url, tabel) => Number(sql(url, `SELECT count(*) AS n FROM ${tabel}`)[0].n);
const TABELLEN = ['verzuimmelding', 'actie', 'vrijstelling', 'zaak'];
const lit = (s) => `'${s.replaceAll("'", "''")}'`;

/**
 * Checks the database against the writes: the findings (empty: nothing lost, doubled or half), and
 * how the writes that had no answer (a kill) ended up.
 */
function controleer(url, schrijven, voor) {
  const bevindingen = [];
  const onderweg = { 'wel vastgelegd': 0, 'niet vastgelegd': 0 };
  const markers = new Map();
  for (const tabel of ['verzuimmelding', 'actie', 'vrijstelling']) {
    const kolom = tabel === 'verzuimmelding' ? 'reden' : 'toelichting';
    const rijen = sql(url, `SELECT r.id, r.${kolom} AS tekst, (SELECT count(*) FROM wijzigingslog w WHERE w.tabel = '${tabel}'
      AND w.sleutel = r.id AND w.handeling = 'nieuw') AS log FROM ${tabel} r WHERE r.${kolom} LIKE ${lit(`%last-${RUN}-%`)}`);
    for (const r of rijen) {
      for (const [m] of r.tekst.matchAll(new RegExp(`last-${RUN}-[MAVB]\\d+\\.\\d+`, 'g'))) {
        // A decision's marker is in the request's text: it counts on the request's row only once.
        if (m.includes('-B')) continue;
        markers.set(m, [...(markers.get(m) ?? []), r]);
      }
      if (Number(r.log) !== 1) bevindingen.push(`${tabel} ${r.id}: ${r.log} regels 'nieuw' in het wijzigingslog`);
    }
  }
  const besluiten = new Map(sql(url, `SELECT v.id, v.status, v.toelichting AS tekst, (SELECT count(*) FROM wijzigingslog w
    WHERE w.tabel = 'vrijstelling' AND w.sleutel = v.id AND w.veld = 'status') AS log FROM vrijstelling v
    WHERE v.toelichting LIKE ${lit(`%last-${RUN}-B%`)}`).map((r) => [r.id, r]));
  const gesloten = new Map(sql(url, `SELECT z.id, z.status, (SELECT count(*) FROM wijzigingslog w WHERE w.tabel = 'zaak'
    AND w.sleutel = z.id AND w.veld = 'status' AND w.nieuw = 'gesloten') AS log FROM zaak z WHERE z.status = 'gesloten'`)
    .map((r) => [r.id, r]));
  const gelukt = { verzuimmelding: 0, actie: 0, vrijstelling: 0 };
  for (const s of schrijven) {
    const zeker = s.uitkomst !== 'geen antwoord';
    let aanwezig;
    if (s.wat.tabel) {
      const rijen = markers.get(s.marker) ?? [];
      if (rijen.length > 1) bevindingen.push(`${s.soort} ${s.marker}: ${rijen.length} keer vastgelegd (${rijen.map((r) => r.id)})`);
      aanwezig = rijen.length > 0;
      if (aanwezig) gelukt[s.wat.tabel]++;
    } else if (s.wat.zaak) {
      const z = gesloten.get(s.wat.zaak);
      aanwezig = Boolean(z);
      if (z && Number(z.log) !== 1) bevindingen.push(`zaak ${z.id}: ${z.log} regels status -> gesloten in het wijzigingslog`);
    } else {
      const v = besluiten.get(s.wat.vrijstelling);
      aanwezig = Boolean(v?.tekst.includes(s.marker) && v.status === s.wat.status);
      if (v && Number(v.log) < 1) bevindingen.push(`vrijstelling ${v.id}: besluit zonder status in het wijzigingslog`);
    }
    const naam = `${s.soort} ${s.wat.zaak ?? s.marker}`;
    if (s.uitkomst === 'gelukt' && !aanwezig) bevindingen.push(`${naam}: bevestigd (303) maar niet in de database`);
    // A refused or failed write leaves nothing (the error page says so); a closing refused
    // leaves the zaak as it was, which may have been closed already.
    if ((s.uitkomst === 'geweigerd' || s.uitkomst === 'mislukt') && aanwezig && !s.wat.zaak) {
      bevindingen.push(`${naam}: ${s.uitkomst} maar wel vastgelegd`);
    }
    if (!zeker) onderweg[aanwezig ? 'wel vastgelegd' : 'niet vastgelegd']++;
  }
  for (const [tabel, n] of Object.entries(gelukt)) {
    const groei = aantal(url, tabel) - voor[tabel];
    if (groei !== n) bevindingen.push(`${tabel}: ${groei} rijen bijgekomen, ${n} schrijfacties vastgelegd`);
  }
  const integriteit = leerspoor(['controle', 'integriteit'], url);
  if (integriteit.code !== 0) bevindingen.push(`controle integriteit (exit ${integriteit.code}):\n${integriteit.uit}`);
  return { bevindingen, onderweg };
}

/** Starts the server on `url`, signs the users in, lets them write until `stop`; the writes. */
async function belast(voorbereid, url, metingen, doodNa) {
  const spoor = (t) => process.env.SPOOR && console.error(`${new Date().toISOString()} ${t}`);
  const server = await startServer(url);
  await bereikbaar();
  spoor('server draait');
  const schrijven = [];
  try {
    const sessies = await Promise.all(Array.from({ length: GEBRUIKERS },
      (_, i) => aanmelden(voorbereid.accounts[i % voorbereid.accounts.length])));
    const gebruikers = sessies.map((sessie, i) => new Gebruiker(i + 1, sessie, opties.gedeeld
      ? voorbereid.jongeren.slice(0, GEDEELD).map((_, k, alle) => alle[(k + i) % GEDEELD])
      : voorbereid.jongeren.filter((_, k) => k % GEBRUIKERS === i), metingen, schrijven));
    spoor('aangemeld');
    for (const g of gebruikers) await g.dossier(g.jongeren[0].id);
    const voor = Object.fromEntries(TABELLEN.map((t) => [t, aantal(url, t)]));
    const begin = performance.now();
    let gedood = false;
    const stop = () => gedood || performance.now() - begin > DUUR * 1000;
    const moord = doodNa === undefined ? null : setTimeout(() => { gedood = true; server.kill('SIGKILL'); }, doodNa);
    await Promise.all(gebruikers.map((g) => g.werk(stop)));
    spoor('klaar met schrijven');
    clearTimeout(moord);
    const seconden = (performance.now() - begin) / 1000;
    return { schrijven, voor, seconden, server };
  } finally {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await new Promise((klaar) => (server.exitCode !== null || server.signalCode !== null ? klaar() : server.once('exit', klaar)));
  }
}

async function hoofd() {
  const begonnen = new Date();
  console.log(`Leerspoor onder belasting: ${opties.database}, ${GEBRUIKERS} gebruikers, ${DUUR} s, schaal ${opties.scale}; ${LEERSPOOR}`);
  const voorbereid = bereidVoor();
  console.log(`${voorbereid.accounts.length} accounts (leerplichtambtenaren), ${voorbereid.jongeren.length} jongeren van 11-14 met een school`);
  if (PROEVEN === 0) {
    const metingen = new Metingen();
    const laadVoor = loadavg();
    const { schrijven, voor, seconden, server } = await belast(voorbereid, voorbereid.url, metingen);
    const laadNa = loadavg();
    console.log(metingen.tabel());
    const { bevindingen } = controleer(voorbereid.url, schrijven, voor);
    for (const [naam, s] of metingen.soorten) {
      for (const [reden, n] of s.fouten) bevindingen.push(`${naam}: ${n}x ${reden}`);
    }
    const geschreven = schrijven.filter((s) => s.uitkomst === 'gelukt').length;
    console.log(`${geschreven} schrijfacties vastgelegd in ${seconden.toFixed(0)} s (${(geschreven / seconden).toFixed(1)}/s), begonnen ${begonnen.toISOString()}`);
    console.log(`load average (1, 5, 15 min) bij het begin ${laadVoor.map((l) => l.toFixed(2)).join(' ')}, aan het eind ${laadNa.map((l) => l.toFixed(2)).join(' ')}`);
    toonRedenen(metingen);
    const serverfouten = server.logboek().split('\n').filter((r) => r.includes('ERROR'));
    if (serverfouten.length) console.log(`fouten in het logboek van de server:\n${serverfouten.slice(0, 20).join('\n')}`);
    return meld(bevindingen);
  }
  const staten = new Map();
  const alle = [];
  for (let p = 1; p <= PROEVEN; p++) {
    const url = nieuweDatabase(`proef${p}`, voorbereid.url);
    const doodNa = 1000 + Math.floor(Math.random() * (DUUR - 1) * 1000);
    const metingen = new Metingen();
    const { schrijven, voor } = await belast(voorbereid, url, metingen, doodNa);
    const { bevindingen, onderweg } = controleer(url, schrijven, voor);
    const bevestigd = schrijven.filter((s) => s.uitkomst === 'gelukt').length;
    console.log(`proef ${p}: gedood na ${doodNa} ms; ${bevestigd} bevestigd, onderweg: ${onderweg['wel vastgelegd']} wel en ${onderweg['niet vastgelegd']} niet vastgelegd; ${bevindingen.length ? 'KAPOT' : 'heel'}`);
    const staat = onderweg['wel vastgelegd'] > 0
      ? 'proeven waarin een schrijfactie zonder antwoord toch vastgelegd was' : 'proeven waarin geen schrijfactie zonder antwoord vastgelegd was';
    staten.set(staat, (staten.get(staat) ?? 0) + 1);
    for (const [k, n] of Object.entries(onderweg)) staten.set(`schrijfacties zonder antwoord, ${k}`, (staten.get(`schrijfacties zonder antwoord, ${k}`) ?? 0) + n);
    staten.set('bevestigde schrijfacties, alle teruggevonden', (staten.get('bevestigde schrijfacties, alle teruggevonden') ?? 0) + bevestigd);
    alle.push(...bevindingen.map((b) => `proef ${p}: ${b}`));
    if (bevindingen.length) {
      // Kept for inspection: not dropped, and a SQLite file outside the work folder.
      if (POSTGRES) databases.splice(databases.indexOf(url.split('/').pop()), 1);
      else copyFileSync(url.slice('sqlite:'.length), join(tmpdir(), 'leerspoor-last-kapot.sqlite'));
      console.log(`database bewaard: ${POSTGRES ? url.split('/').pop() : join(tmpdir(), 'leerspoor-last-kapot.sqlite')}`);
      break;
    }
    gooiWeg(url);
  }
  console.log(`Webserver gedood tijdens schrijven (${PROEVEN}x, ${opties.database}), daarna:`);
  for (const [s, n] of staten) console.log(`  ${s}: ${n}`);
  return meld(alle);
}

function toonRedenen(metingen) {
  for (const [naam, s] of metingen.soorten) {
    for (const [reden, n] of s.weigeringen) console.log(`  geweigerd ${naam} (${n}x): ${reden}`);
    for (const [reden, n] of s.fouten) console.log(`  MISLUKT ${naam} (${n}x): ${reden}`);
  }
}

function meld(bevindingen) {
  if (bevindingen.length === 0) {
    console.log('Elke bevestigde schrijfactie staat er precies één keer, met haar regel in het wijzigingslog; integriteit: geen bevindingen.');
    return 0;
  }
  console.log(`BEVINDINGEN (${bevindingen.length}):\n${bevindingen.slice(0, 50).join('\n')}`);
  return 1;
}

let code = 1;
try {
  code = await hoofd();
} catch (e) {
  console.error(`fout: ${e.stack ?? e}`);
} finally {
  ruimOp();
}
process.exit(code);
