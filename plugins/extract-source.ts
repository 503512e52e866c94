/** Plugin: take the outlet from a `Source: X` line, corroborated by the disclaimer. */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {cite, field, placeOf, plainText, removeChild, setField, textSpan} from './support/evidence.js'
import type {Evidence, Profile} from './types.js'
import {cjkCredit, continueOn, feedFooter, isCjkMetaLine, isCookieBanner, isWebAddress, outletEnd, rightsReserved, shortBylineLabel, webAddress, wordCount, writtenAsName} from './support/shapes.js'
import {isPersonName} from './support/person.js'
import {isProse, topZone} from './support/zones.js'
import {namedAgency} from './support/roles.js'

// `Source:` and its equivalents in other languages (one source, not a list of references).
/** A press release's closing credit, the label in capitals without a colon (`SOURCE InvestorLens.com`). */
const sourceCaps = /^SOURCE\s+(\S.{0,98}?)\s*\.?$/u
/** The label capitalised, without its colon, before the outlet's name (`Fonte OreDesk News`, `Source Harbour Times`): the name must read as one. */
const sourceBare = /^(?:Sources?|Fontes?|Fuentes?|Quelle|Bron|Źródło|Sursa|Kaynak|Forrás|Lähde|Källa|Kilde|Zdroj|Sumber|Font)\s+(\p{Lu}.{1,60}?)\s*\.?$/u
/** A credit line naming where the text came from (`Courtesy: X`, `Courtesy of X`, a blog's `H/T X` (hat tip), `Cortesía de X`, `بشکریہ: X`, `साभार: X`, `Via X`). */
const creditLine = /^(courtesy(?:\s*[:：]|\s+of)|h\/t\s*[:：]?|hat tip(?:\s*[:：]|\s+to)?|cortes[íi]a(?:\s*[:：]|\s+d[eao])|بشکریہ\s*[:：]?|بہ شکریہ\s*[:：]?|साभार\s*[:：]?|via(?:\s*[:：])?)\s*(\S.{0,98}?)\s*\.?$/iu
/** Languages whose streets are called `Via …`: a line `Via Roma 12` is an address. */
const viaStreets = new Set(['it', 'es', 'pt', 'ca', 'ro', 'gl'])
/** An outlet with the word for source behind it, as Chinese sites print it (`芯片产业观察 | 来源`). */
const sourceBehind = /^([^|/\n。，.!?]{2,40}?)\s*[|/]\s*(?:来源|來源|出处|出處)$/u
const sourceLabel = String.raw`(?:sources?|quellen?|fuentes?|fontes?|bron(?:nen)?|kaynak|źródło|источник|джерело|sumber|källa|forrás|πηγή|nguồn|zdroj|kilde|lähde|izvor|извор|източник|šaltinis|allikas|avots|heimild|font|chanzo|sursa(?: articol(?:ului)?)?|sursă(?: articol(?:ului)?)?|vir|منبع|ماخذ|সূত্র|स्रोत|מקור|出典|출처|المصدر|来源|來源)\s*[:：]`
/** An outlet's web address as its name (`agentiadacia.ro`, `www.harbourtimes.co.uk`): no path, a top-level domain of letters. */
const sourceLine = new RegExp(String.raw`^${sourceLabel}\s*(\S.{0,98}?)\s*\.?$`, 'iu')
/** The label alone, the outlet on the next line (`Source:` / `Brightwell Diagnostics, Inc.`). */
const sourceLabelAlone = new RegExp(String.raw`^${sourceLabel}$`, 'iu')

/**
 * Read `source` from the last `Source: X` line (which leaves the body). A
 * disclaimer naming the same outlet is added as corroborating evidence; without
 * a `Source:` line, the outlet the disclaimer names is the source (unless a wire
 * service's credit opens the text: wire copy is the agency's). When the two
 * disagree the `Source:` line wins and a `source-conflict` warning cites both.
 * Without either, a copyright (`© 2021 Harbour Times`) or republication notice
 * near the end names the outlet, else a wire service's credit in the opening
 * dateline (`LISBON, March 14 (Reuters) - …`), else the outlet's own channel
 * pitch near the end (`Join the Warta Kini WhatsApp Channel …`), else a
 * masthead above the headline (`Puerto Vallarta News`, `Hudson Valley Courier
 * (Ashford, NY)`, `kabardesa.news`: rule `masthead`, which leaves the body). Names are mapped to a profile’s canonical name
 * (`Anadolu` → `Anadolu Agency`).
 * Must run after `extractDisclaimer`.
 */
export default function extractSource(options: Options | null | undefined = emptyOptions) {
  const profiles = (options ?? emptyOptions).profiles ?? []
  if (!Array.isArray(profiles) || profiles.some((profile) => typeof profile?.name !== 'string')) {
    throw new TypeError('Invalid `profiles` in `options`, expected a list of `{name, aliases, domains}`')
  }
  // Each profile's names by their loose key (see `sameOutlet`), the first profile winning.
  const names = new Map<string, string>()
  for (const profile of profiles) for (const alias of [profile.name, ...profile.aliases]) if (!names.has(outletKey(alias))) names.set(outletKey(alias), profile.name)
  const canonical = (name: string) => names.get(outletKey(name)) ?? name
  return function (tree: Root, file: VFile): undefined {
    const outlet = file.data.disclaimerOutlet
    const lang = file.data.meta?.lang?.value ?? 'en'
    let line: {value: string; evidence: Evidence} | undefined
    let wire: {value: string; evidence: Evidence} | undefined

    // The outlet's `Source:` line closes the article: among its last four paragraphs or after its
    // last paragraph of prose (a `Source: Opta` under a table is the data's).
    const lastProse = tree.children.findLastIndex((node) => isProse(plainText(node)?.value ?? ''))
    const firstProse = tree.children.findIndex((node) => isProse(plainText(node)?.value ?? ''))
    // A page of several items each with its `Source:` line (a news ticker): the first item's is the page's article's.
    const sourced = tree.children.flatMap((node, index) => (sourceLine.test(plainText(node)?.value ?? '') ? [index] : []))
    const order = sourced.length >= 3 ? sourced : Array.from({length: tree.children.length}, (_, step) => tree.children.length - 1 - step)
    for (const index of order) {
      // (or above the first paragraph of prose, with the headline: `Bron: Ouderkerkweb`).
      if (sourced.length < 3 && index < tree.children.length - 4 && index < lastProse && index >= firstProse) continue
      const text = plainText(tree.children[index])
      // (or the label behind the outlet, as Chinese sites print it: `芯片产业观察 | 来源`)
      const behind = text ? sourceBehind.exec(text.value) : null
      // (or a release's closing `SOURCE InvestorLens.com`, the label in capitals without a colon)
      // (or a credit, `Courtesy: The Padma Chronicle`, `بشکریہ: …`, or above the article `Via The Harare Lantern`: not a person's,
      // as under a photo, and `Via` not in a language whose streets are `Via …`)
      const credit = text && !behind ? creditLine.exec(text.value) : null
      // (nor right under a sentence over the article, a photo's caption: `Crews lay a new line on Orchard Street.` / `Courtesy of NASA`)
      const caption = index < firstProse && /\S(?:\s+\S+){5,}[.!?]["”’]?$/u.test(plainText(tree.children[index - 1])?.value ?? '')
      const credited = credit && !caption && !isPersonName(credit[2]) && (!/^via$/iu.test(credit[1]) || (index < firstProse && !viaStreets.has(lang)))
      // (or the label alone, over the outlet's line: `Source:` / `Brightwell Diagnostics, Inc.`)
      const below = text && index + 1 < tree.children.length && sourceLabelAlone.test(text.value) ? plainText(tree.children[index + 1]) : undefined
      const under = below && below.value.length <= 60 && !below.value.includes('\n') && isName(below.value.replace(legalForm, '')) ? below.value.replace(legalForm, '') : undefined
      if (under !== undefined) {
        line = {value: under, evidence: cite(file, 'source-line', textSpan(below!, 0, under.length))}
        removeChild(file, tree, index + 1, 'source-line')
        removeChild(file, tree, index, 'source-line')
        break
      }
      const bare = text ? sourceBare.exec(text.value) : null
      const match = text
        ? (sourceLine.exec(text.value) ?? behind ?? sourceCaps.exec(text.value) ?? (credited ? [credit[0], credit[2]] : null) ?? (bare && (isName(bare[1]) || agencyName(bare[1])) ? bare : null))
        : null
      if (!text || !match) continue
      // An aggregator's `Source: <headline> – <outlet>`: the outlet after the last dash.
      // (`Source: Priya Hallett for techOrbital.com - Your Gadget Universe Online`: a writer for the outlet, the outlet's tagline after it)
      const writerFor = behind ? null : /^(.{3,40}?)\s+for\s+(\S.{1,40}?)(?:\s[–—-]\s.*)?$/u.exec(match[1])
      const forOutlet = writerFor && isPersonName(writerFor[1]) && (isName(writerFor[2]) || isWebAddress(writerFor[2])) ? writerFor[2] : undefined
      const dashed = behind || forOutlet || isName(match[1]) ? null : /\s[–—-]\s+([^–—]{2,60})$/u.exec(match[1])
      const named = behind
        ? behind[1]
        : (forOutlet ??
          (dashed && isName(dashed[1]) && dashed[1].split(/\s+/u).length <= 6
            ? dashed[1]
            : isName(match[1]) || agencyName(match[1]) || (!bare && isWebAddress(match[1]))
              ? match[1]
              : undefined))
      if (!named) continue
      const from = match[0].lastIndexOf(named)
      // `Source: Harbour Times, with material from Reuters`: the source is the first outlet;
      // `Source: Government of Fiji Country: Fiji`: another label ends it.
      // (`Source: Sinowire| 2020-07-15 19:42:08|Editor: X`: a bar ends it too)
      // (`Forrás: OHÜ/OHÜ Fotó: …`: the first of several after a slash)
      const value = named.replace(/\s*[|/].*$/u, '').replace(contributions, '').replace(/\s+\p{Lu}\p{L}+:\s.*$/u, '')
      line = {value, evidence: cite(file, 'source-line', textSpan(text, from, from + value.length))}
      removeChild(file, tree, index, 'source-line')
      break
    }

    if (line) {
      const evidence = [line.evidence]
      if (outlet?.value && sameOutlet(canonical(outlet.value), canonical(line.value))) evidence.push(...outlet.evidence)
      else if (outlet?.value) {
        file.message(
          `Unexpected conflicting sources: the \`Source:\` line names \`${line.value}\` (${line.evidence.line}:${line.evidence.column}) but the disclaimer names \`${outlet.value}\` (${outlet.evidence[0].line}:${outlet.evidence[0].column}); kept the \`Source:\` line`,
          {place: placeOf(line.evidence), ruleId: 'source-conflict', source: 'docprov'}
        )
      }
      setField(file, 'source', field<string | null>(canonical(line.value), evidence))
    } else if (outlet?.value && !(wire ??= agencyCredit(tree, file))) {
      setField(file, 'source', field<string | null>(canonical(outlet.value), outlet.evidence))
    } else if (wire) {
      // (wire copy: the agency in the opening dateline wrote it, not the site whose disclaimer names itself:
      // `DES MOINES, Iowa (Reuters) – …` over `… do not necessarily reflect the official position of Harvest Ridge Ministries.`)
      setField(file, 'source', field<string | null>(canonical(wire.value), [wire.evidence]))
    } else {
      // (a news agency's credit or sign-off names where the text came from before the site's own copyright line does:
      // `GİRESUN (Reuters) -` over `Tüm hakları saklıdır. © 2022 Karadeniz Haber Ajansı`)
      const notice =
        providedBy(tree, file) ??
        fromPublisher(tree, file) ??
        noticeOf(tree, file) ??
        agencyCredit(tree, file) ??
        agencyByline(tree, file) ??
        signOff(tree, file, lastProse) ??
        datelineOutlet(file) ??
        copyrightOf(tree, file) ??
        channelPitch(tree, file) ??
        metaLine(tree, file) ??
        masthead(tree, file)
      if (notice) setField(file, 'source', field<string | null>(canonical(notice.value), [notice.evidence]))
    }
    setField(file, 'source', field<string | null>(null))
    return undefined
  }
}

/** Options of `extractSource`. */
export interface Options {
  /** Outlets whose aliases map to their canonical name. */
  profiles?: ReadonlyArray<Profile>
}

const emptyOptions: Options = {}
/**
 * What may follow the outlet in a republication note: how it is republished (`… and is republished here with
 * permission`, `… under a Creative Commons license`, `… e é reproduzida aqui mediante parceria`, `… sous licence
 * Creative Commons`, `… dengan judul "…"`).
 */
const noticeTail = String.raw`(?:,?\s+(?:and|e|et|y|und|en)\s+(?:is|was|has been|é|foi|est|es|ist|wird|wurde)\s+(?:\p{L}+\s+)?(?:republished|reproduced|reprinted|shared|used|reproduzid[oa]|republicad[oa]|republié|reproduit|reproducido|reproducida|veröffentlicht|übernommen)(?!\p{L})[^\n]*|\s+(?:under|sous|bajo)\s+(?:a|an|the|licen[cs]e|licencia|creative commons|CC)\b[^\n]*|\s+with\s+(?:kind\s+)?permission\b[^\n]*|\s+dengan judul\b[^\n]*)?`
/**
 * The outlet at the end of a republication note: a capitalized name without
 * digits, then optionally a date (`on 3 March 2023`, `, March 3, 2023`) and a
 * full stop.
 */
// (the date after `on`, or `le`/`el`/`am`/`il`/`op` in other languages: `… dans The Wayfarer Quarterly le 14 février 2023. Il a été traduit …`)
const noticeOutlet = String.raw`(\p{Lu}(?:[\p{L}&'’ -]|\.(?!\s+\p{Lu})){1,60}?)(?:\s+(?:on|le|el|am|il|op|em)\s+(?=[^\n]*\d)[^\n]+|,\s+(?=[^\n]*\d)[^\n]+)?${noticeTail}\s*\.?(?:\s+read the original(?: article)?\.?)?`
const rights = String.raw`${rightsReserved}[.।]?`
/**
 * An outlet in quotes at the end of a republication note, maybe after the kind of paper, written small
 * (`kwartalniku`, `Zeitschrift`), and before its issue or year (`„Przegląd Wiślany” nr 3/2021`).
 */
const quotedOutlet = String.raw`(?:\p{L}+\s+)?[„"«“]([^„"«»“”\n]{2,60}?)[”"»“](?:,?\s*(?:nr|č|no|num|nummer|číslo|issue|heft|ausgabe)\.?\s*\d[\d/.-]*)?(?:,?\s+\d{4})?\s*\.?`
/** How a republication note opens in Czech, Slovak, Polish, Swedish, Danish, Norwegian, Russian and Ukrainian. */
const northernLead = String.raw`(?:(?:tento (?:článek|text)|tento (?:článok|text)|(?:ten )?(?:artykuł|tekst)|artikeln|texten|artiklen|teksten|artikkelen|saken|(?:эта )?статья|(?:этот )?материал|(?:ця )?стаття|(?:цей )?матеріал)\s+)?(?:(?:původně|poprvé) vyšel|pôvodne vyšiel|(?:pierwotnie|po raz pierwszy) (?:ukazał się|został opublikowany)|(?:ukazał się|został opublikowany) (?:pierwotnie|po raz pierwszy)|publicerades (?:först|ursprungligen)|blev (?:først|oprindeligt) (?:bragt|publiceret|udgivet)|(?:ble|var) (?:først|opprinnelig) (?:publisert|trykket)|(?:впервые|изначально|первоначально) (?:опубликован[аоы]?|вышл[аои]|вышел)|(?:вперше|спочатку|початково) (?:опублікован[аоі]?|вийшл[аои]|вийшов))`
/** The preposition before the outlet in those languages. */
const northernIn = String.raw`(?:v|ve|na|w|i|på|hos|в|на|у)`
const notices: ReadonlyArray<{rule: string; pattern: RegExp}> = [
  // “© 2021 Harbour Times. All rights reserved.”, “Copyright © 2020 The Daily Example”
  // `(c)` only with a year: `(c) Tenants may appeal …` is a clause.
  // (the rights may come first, `Tüm hakları saklıdır. © 2024 Ege Postası`, `جميع الحقوق محفوظة © 2023 …`, or a short sentence,
  // `Soundhaven is a registered trademark. © 2022 Soundhaven Media, Inc.`, its legal form after a comma; the copyright word may be
  // Swahili's, `Hakimiliki © 2022 …`; and footer links may follow, `Copyright © 2022 Steady Money · Privacy · Disclosures`)
  {rule: 'copyright-line', pattern: new RegExp(String.raw`^(?:(?:${rights}|[^©.!?\n]{3,100}[.!])\s+(?=©))?(?:(?:©|copyright|hakimiliki)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?|\(c\)\s*\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)(?:by\s+)?([\p{Lu}\p{Lo}][\p{L}\p{M}\p{N}&.'’ -]{1,60}?(?<!(?<!\p{L})(?:St|Mt|Ft|Pt|Dr|Mr|Mrs|Ms|Jr|Sr)\.?\s*)(?:,\s+\p{Lu}[\p{L}'’ -]{1,30}(?=\.\s+${rights}))?)(?:,\s*(?:Inc|Ltd|LLC|LLP|Limited|GmbH|plc|Corp)\.?)?(?:,?\s+\d{4})?\s*[.,]?\s*(?:(?<=,)\s*an?\s+(?:[\p{L}-]+\s+){0,2}?(?:subsidiary|division|unit|member|part|company|brand|publication)\s+of\s+[^.]{2,60}\.?\s*)?(?:(?<=[.]\s*)\p{Lu}[^.!?]{10,160}[.!?]\s+(?=${rights}))?(?:[-–]\s*)?(?:${rights}(?:\s.{0,300})?|(?:\s[·|•]\s[^·|•]{1,40}){1,6}|proudly (?:created|powered|made) (?:with|by) \S+)?$`, 'iu')},
  // (or the name first, then the sign and the year: `Kırşehir Ekspres © 2024 - Tüm hakları saklıdır.`, `Tiszahír © 2019
  // Minden jog fenntartva.`; not a picture's credit, `Photo by A © 2024`, nor a sentence, `X is part of Y. © 2024`)
  {rule: 'copyright-line', pattern: new RegExp(String.raw`^(?!.*(?<!\p{L})(?:photos?|fotos?|image|picture|bild|kép|kuva|zdjęcie)(?!\p{L}))(?![^©]*\s(?:is|are|was|were|est|ist|es|è|é|jest|är|er)\s)([\p{Lu}\p{Lo}][\p{L}\p{M}\p{N}&.'’ -]{1,60}?)\s*©\s*\d{4}(?:\s*[-–]\s*\d{4})?\s*[-–.,|]?\s*(?:${rights})?$`, 'iu')},
  // A Vietnamese rights line names its owner: `© Bản quyền thuộc về Tin Nhanh Miền Nam`
  {rule: 'copyright-line', pattern: /^(?:©\s*)?bản quyền thuộc về\s+(\p{Lu}[\p{L}\p{M}\p{N}&.'’ -]{1,60}?)\s*\.?$/iu},
  // An Urdu note of where the report first appeared: `یہ رپورٹ پہلے انگریزی میں دی کراچی کرانیکل میں شائع ہوئی۔`
  {rule: 'originally-published', pattern: /^یہ (?:رپورٹ|مضمون|خبر|تحریر|کالم)\s+(?:پہلے|اصل میں|سب سے پہلے)\s+(?:(?:انگریزی|اردو|عربی|فارسی)\s+میں\s+)?(\S.{1,40}?)\s+میں\s+شائع\s+(?:ہوئی|ہوا|کی گئی|کیا گیا)(?:\s+(?:تھی|تھا))?\s*[۔.]?$/u},
  // The same in Hindi and Turkish: `यह लेख मूल रूप से आरोग्य दर्पण में प्रकाशित हुआ था।`, `Bu yazı ilk olarak Kıyı Postası'nda yayımlanmıştır.`
  {rule: 'originally-published', pattern: /^यह (?:लेख|रिपोर्ट|खबर|ख़बर|समाचार|आलेख|स्टोरी) (?:मूल रूप से|पहले|सबसे पहले)\s+(\S.{1,40}?)\s+(?:में|पर)\s+प्रकाशित\s+(?:हुआ|हुई|किया गया|की गई)(?:\s+(?:था|थी))?\s*[।.]?$/u},
  {
    rule: 'originally-published',
    pattern: /^(?:[Bb]u (?:yazı|haber|makale|içerik|analiz|söyleşi|köşe yazısı)\s+)?(?:ilk (?:olarak|kez)|daha önce)\s+(\p{Lu}[\p{L}\p{N}&.' -]{1,60}?)['’](?:n?[dt][ae])\s+(?:yayımlanmıştır|yayınlanmıştır|yayımlandı|yayınlandı)\s*\.?$/u
  },
  // “This article is republished from The Conversation under a Creative Commons license.”
  {rule: 'republished-from', pattern: /^this (?:article|story|piece) (?:is|was) (?:republished|reprinted|syndicated) from (\p{Lu}[\p{L}\p{N}&.'’ -]{1,60}?) under\b.*$/iu},
  // “Republished with permission from The Westford Herald.”, “Reprinted from …”
  {rule: 'republished-from', pattern: new RegExp(String.raw`^(?:(?:republished|reprinted)(?: with (?:kind )?permission)? from)\s+${noticeOutlet}$`, 'iu')},
  // `This story was produced by The Canadian Press and first published Nov. 8, 2022.`
  // (or `… was produced by Great Lakes Water Desk and is republished here under a content-sharing agreement.`)
  {
    rule: 'originally-published',
    pattern: new RegExp(String.raw`^[Tt]his (?:story|article|report|piece) was (?:produced|written|reported|provided) by\s+(\p{Lu}[\p{L}\p{N}&.'’ -]{1,60}?)(?:\s+and (?:was )?(?:first |originally )?published\b[^\n]{0,60}|${noticeTail})?\s*\.?$`, 'u')
  },
  // A teaser's link to the whole text on the outlet that has it: `Read the full story at The Valley Post`, `Lire la suite sur
  // Le Courrier du Val`, `Weiterlesen bei Harzer Bote` (the outlet written with its capital: not `Read the full story at our site`).
  {
    rule: 'continue-on',
    pattern: new RegExp(`^${continueOn}${noticeOutlet}$`, 'u')
  },
  // (or its web address, as an aggregator links it: `Leggi su news.mammeincucina`)
  {
    rule: 'continue-on',
    pattern: new RegExp(`^${continueOn}(${webAddress})$`, 'u')
  },
  // A syndicated column's closing credit: “Distributed by Ridgeline Content Agency, LLC.”, “Syndicated by …” (the legal form goes).
  {rule: 'distributed-by', pattern: /^(?:[Dd]istributed|[Ss]yndicated) by\s+(\p{Lu}[\p{L}\p{N}&.'’ -]{1,60}?(?:,\s*(?:LLC|Inc|Ltd)\.?)?)\s*\.?$/u},
  // (or after the column's copyright: `©2023 Nora Whitfield. Distributed by Lakeshore Features Syndicate, LLC.`)
  {rule: 'distributed-by', pattern: /^(?:©|\([Cc]\)|[Cc]opyright)\s*(?:©\s*)?\d{4}\s+[^.\n]{2,60}\.\s+(?:[Dd]istributed|[Ss]yndicated) by\s+(\p{Lu}[\p{L}\p{N}&.'’ -]{1,60}?(?:,\s*(?:LLC|Inc|Ltd)\.?)?)\s*\.?$/u},
  // (or as a sentence: `This story is distributed by Serendib Features Syndicate.`)
  {rule: 'distributed-by', pattern: /^[Tt]his (?:story|article|column|feature|piece) (?:is|was|has been) (?:distributed|syndicated) by\s+(\p{Lu}[\p{L}\p{N}&.'’ -]{1,60}?(?:,\s*(?:LLC|Inc|Ltd)\.?)?)\s*\.?$/u},
  // A release wire's note of who published the release and answers for it (`Town of Wexbridge published this content on
  // September 19, 2023, and is solely responsible for the information contained therein. Distributed by Public, …`).
  {rule: 'publisher-line', pattern: /^(\p{Lu}[\p{L}\p{N}&.,'’ -]{1,80}?) published this content on [^\n]{4,40}?, and is solely responsible for the information contained therein\./u},
  // A feed's footer under a copied post (WordPress): “The post <title> appeared first on Harbour Times.”, “La entrada …
  // se publicó primero en Iberpress Noticias.”
  {rule: 'appeared-first', pattern: new RegExp(`^${feedFooter}${noticeOutlet}$`, 'iu')},
  // (or at its web address: `Originally published at nadiafl.dev on February 26, 2021.`)
  {
    rule: 'originally-published',
    pattern: new RegExp(String.raw`^(?:this (?:article|story|piece|post|column|essay) (?:was )?)?(?:originally|first) (?:published|posted|appeared) (?:on|in|at)\s+(${webAddress})(?:\s+on\s+[^\n]*\d[^\n]*?)?\s*\.?$`, 'iu')
  },
  // “This article was originally published on The Valley Post.”, “This story first appeared in Halden Weekly on 3 March 2023.”
  {
    rule: 'originally-published',
    pattern: new RegExp(String.raw`^(?:this (?:article|story|piece|post|column|essay) (?:was )?)?(?:(?:originally published|first published|first appeared|originally appeared)(?: in (?:English|[\p{L}]+ese|[\p{L}]+ian|[\p{L}]+ish|French|German|Dutch|Greek|Thai|Arabic|Hebrew|Hindi|Urdu|Swahili|print))? (?:on|in|at|by)|published by)\s+(?:(?:the )?(?:newspaper|magazine|journal|daily|weekly|website|blog|outlet)\s+(?=\p{Lu}))?${noticeOutlet}$`, 'iu')
  },
  // The same in other languages: `Esta reportagem foi publicada originalmente pela Agência Bioma …`, `Cet article est republié
  // à partir de The Conversation sous licence Creative Commons.`, `Este artículo fue publicado originalmente en …`, `Dieser
  // Beitrag erschien zuerst bei …`, `Questo articolo è stato pubblicato originariamente su …`, `Dit artikel verscheen eerder
  // in …`, `Artikel ini telah tayang di BeritaKota.id dengan judul "…"`.
  {rule: 'originally-published', pattern: new RegExp(String.raw`^(?:(?:est[ea]|ess[ea]) (?:reportagem|matéria|artigo|texto|notícia|artículo|nota|reportaje|columna) )?(?:foi|fue|ha sido) (?:publicad[oa] (?:originalmente|originariamente|primeiro|por primera vez)|originalmente publicad[oa]) (?:(?:en|em)\s+(?:ingl[eéê]s|franc[eéê]s|alem[aá]n|alemão|portugu[eéê]s|espa[nñ]ol|espanhol|italiano|catal[aá]n|catalão|chin[eê]s|chino|ruso|russo|árabe)\s+)?(?:pel[oa]|n[oa]|em|en|por|el|la)\s+(?:(?:el|la|o|a)\s+)?${noticeOutlet}$`, 'iu')},
  // (or `Cet article est paru dans la revue britannique The Wayfarer Quarterly le 14 février 2023.`: the kind of publication before its name)
  {rule: 'originally-published', pattern: new RegExp(String.raw`^(?:[Cc]et article|[Cc]e texte|[Cc]ette (?:tribune|analyse|chronique|enquête)) (?:est republiée?|est (?:initialement |d['’]abord |originellement )?parue?|a été (?:publiée? initialement|initialement publiée?|publiée? à l['’]origine|republiée?)) (?:à partir de|dans|sur|par|chez)\s+(?:(?:la|le|l['’])\s*(?:revue|magazine|journal|quotidien|hebdomadaire|mensuel|site)(?:\s+\p{Ll}+)?\s+)?${noticeOutlet}$`, 'u')},
  {rule: 'originally-published', pattern: new RegExp(String.raw`^(?:(?:dieser|der) (?:artikel|beitrag|text) )?(?:erschien|ist) (?:zuerst|ursprünglich|erstmals) (?:bei|in|auf|im)\s+${noticeOutlet}(?:\s+erschienen)?$`, 'iu')},
  {rule: 'originally-published', pattern: new RegExp(String.raw`^(?:(?:dieser|der) (?:artikel|beitrag|text) )?(?:erschien|ist) (?:zuerst|ursprünglich|erstmals) (?:bei|in|auf|im)\s+(?:(?:der|dem|den)\s+)?${quotedOutlet}(?:\s+erschienen)?$`, 'iu')},
  {rule: 'originally-published', pattern: new RegExp(String.raw`^(?:questo articolo )?(?:è stato )?pubblicato (?:originariamente|in origine|per la prima volta) (?:su|da|in|sul|sulla|nel|nella)\s+${noticeOutlet}$`, 'iu')},
  {rule: 'originally-published', pattern: new RegExp(String.raw`^(?:dit (?:artikel|stuk|verhaal) )?(?:verscheen|is) (?:eerder|eerst|oorspronkelijk) (?:in|op|bij)\s+${noticeOutlet}(?:\s+verschenen)?$`, 'iu')},
  // Czech, Slovak, Polish, Swedish, Danish, Norwegian, Russian, Ukrainian: `Tento článek původně vyšel v …`, `Artikeln
  // publicerades först i …`, `Статья впервые опубликована в …`; or in quotes, maybe after the kind of paper and before
  // its issue (`Tekst ukazał się pierwotnie w kwartalniku „Przegląd Wiślany” nr 3/2021.`).
  {rule: 'originally-published', pattern: new RegExp(String.raw`^${northernLead}\s+${northernIn}\s+${noticeOutlet}$`, 'iu')},
  {rule: 'originally-published', pattern: new RegExp(String.raw`^${northernLead}\s+${northernIn}\s+${quotedOutlet}$`, 'iu')},
  // (a death notice's paper and days, as memorial sites print them: `Published in The Brantford Courier on Mar. 4, 2021.`,
  // `… from Mar. 3 to Mar. 5, 2021.`)
  {rule: 'originally-published', pattern: /^published in\s+(\p{Lu}[\p{L}&'’ .-]{1,60}?)\s+(?:on|from)\s+\p{L}{3,9}\.?\s+\d{1,2}(?:\s*(?:to|-|–)\s*(?:\p{L}{3,9}\.?\s+)?\d{1,2})?,\s+\d{4}\.?$/iu},
  {rule: 'originally-published', pattern: new RegExp(String.raw`^artikel ini (?:telah |sudah )?(?:tayang|terbit|dimuat|diterbitkan) (?:di|pada|oleh)\s+${noticeOutlet}$`, 'iu')},
  // A Chinese reprint note: `本文經授權轉載自《數位觀察》，原文標題為〈…〉。`
  {rule: 'originally-published', pattern: /^(?:本文)?(?:經|经)?(?:授權|授权)?(?:轉載|转载)(?:自|於|于)《([^《》]{1,40})》.{0,160}$/u},
  // A Korean rights line: `<저작권자 © 한빛경제, 무단전재 및 재배포 금지>`
  {rule: 'copyright-line', pattern: /^<?저작권자\s*(?:©|ⓒ|\(c\))\s*([^,<>]{1,40}?)\s*,?\s*무단\s?전재.{0,60}$/u},
  // A Japanese reprint note: `※本記事は「神奈川タウン通信」（2024年5月8日発行）からの転載です。`
  {rule: 'originally-published', pattern: /^※?(?:本|この)記事は、?「([^「」]{1,40})」.{0,40}?(?:から|より)の?転載(?:です|しています)?。?$/u}
]

/** A notice of rights reserved with no owner named (`Riproduzione riservata`, `Todos los derechos reservados`). */
const rightsOnly = new RegExp(String.raw`^(?:${rightsReserved}|crown copyright)[.।]?$`, 'iu')

const legalForm = /(?:,?\s+(?:d\.o\.o|d\.d|s\.r\.o|a\.s|Kft|Zrt|Nyrt|SIA|UAB|OÜ|EOOD|OOD|ЕООД|ООД|ТОВ|ООО|SARL|SAS|Pvt\.?\s+Ltd|Private Limited|Pty\.?\s+Ltd|Pte\.?\s+Ltd|Ltd|Limited|Inc|LLC|DAC|GmbH|AG|S\.A|SA|S\.L|B\.V|BV|N\.V|plc|PLC|Co|Sp\. z o\.o|A\.Ş|AB|AS|ASA|Oy|S\.p\.A|S\.r\.l|Sdn\.?\s*Bhd|Bhd|Tbk)\.?)+$/u

/** A press-release wire's credit of who issued the release (`News Provided By` / `Larch County Board of Commissioners`). */
// (`Distributed by AfriPress Newswire on behalf of Savanna Solar.`: the wire)
const providedLabel = /^(?:(?:news|content|press release|release) )?(?:provided|distributed|issued) by\s*:?\s*(\S.{0,98}?)?(?:\s+on behalf of\s.{1,80})?\.?\s*$/iu

/**
 * Who issued a release a wire carries, from the wire's credit at the top: the name after `News Provided By`, on
 * its line or the next (rule `provided-by`); the credit leaves the body.
 */
function providedBy(tree: Root, file: VFile): {value: string; evidence: Evidence} | undefined {
  for (let index = 0; index < Math.min(tree.children.length - 1, 15); index++) {
    const label = plainText(tree.children[index])
    const match = label ? providedLabel.exec(label.value) : null
    if (!label || !match) continue
    const text = match[1] ? label : plainText(tree.children[index + 1])
    // (without its legal form: `Distributed by Larkspur Features Syndicate, LLC.`)
    const value = (match[1] ?? text?.value)?.replace(legalForm, '')
    if (!text || !value || !isName(value)) continue
    const from = match[1] ? match[0].indexOf(match[1]) : 0
    const found = {value, evidence: cite(file, 'provided-by', textSpan(text, from, from + value.length))}
    if (!match[1]) removeChild(file, tree, index + 1, 'source-line')
    removeChild(file, tree, index, 'source-line')
    return found
  }
  return undefined
}

/** A public body's word in its name (`Ministry of Rural Affairs`, `Department for Transport`, `Ministerstwo …`). */
const publicBody =
  /(?<!\p{L})(?:ministry|department|office|agency|council|government|authority|commission|embassy|parliament|police|service|institute|university|bureau|board|trust|foundation|charity|society|association|federation|coalition|alliance|union|network|league|fund|ministère|ministerio|ministério|ministerium|ministero|ministerstwo|ministerie|regierung|gobierno|governo|gouvernement|rząd|urząd)(?!\p{L})/iu

/**
 * The public body a government page names as its publisher at the top, before the article's prose: `From: Ministry of
 * Rural Affairs and Fisheries`, or the charity or association a release wire names (`From: Harbourside Food Rescue Trust`)
 * (rule `publisher-line`; the line leaves the body).
 */
function fromPublisher(tree: Root, file: VFile): {value: string; evidence: Evidence} | undefined {
  // (a cookie banner above it is no prose of the article)
  const firstProse = tree.children.findIndex((node) => {
    const value = plainText(node)?.value ?? ''
    return isProse(value) && !isCookieBanner(value)
  })
  for (let index = 0; index < Math.min(firstProse === -1 ? 20 : firstProse, 25); index++) {
    const text = plainText(tree.children[index])
    const match = text ? /^from\s*:\s*(\p{Lu}[^,;:|\n]{2,98}?)\s*\.?$/iu.exec(text.value) : null
    if (!text || !match || !publicBody.test(match[1]) || !isName(match[1])) continue
    const from = match[0].indexOf(match[1])
    const found = {value: match[1], evidence: cite(file, 'publisher-line', textSpan(text, from, from + match[1].length))}
    removeChild(file, tree, index, 'source-line')
    return found
  }
  return undefined
}

/** The outlet named by a copyright line among the last paragraphs, if any. */
function copyrightOf(tree: Root, file: VFile): {value: string; evidence: Evidence} | undefined {
  const length = tree.children.length
  return noticeIn(tree, file, Array.from({length: Math.min(15, length)}, (_, step) => length - 1 - step), copyrightNotices)
}

/** The outlet named by a republication notice, if any. */
function noticeOf(tree: Root, file: VFile): {value: string; evidence: Evidence} | undefined {
  // A republication note names where the article came from, and comes before the site's own copyright line
  // (`Artikel ini telah tayang di BeritaKota.id …` over `Copyright © 2024 Nusantara Kini`).
  // (the note may stand at the top, over the article: `This article was originally published in Japanese by …`;
  // the top stops where the last fifteen paragraphs start)
  const length = tree.children.length
  const last = Array.from({length: Math.min(15, length)}, (_, step) => length - 1 - step)
  const firstProse = tree.children.findIndex((node) => isProse(plainText(node)?.value ?? ''))
  const top = Array.from({length: Math.max(0, Math.min(firstProse === -1 ? 0 : firstProse + 2, length - 15))}, (_, index) => index)
  // (or anywhere else, a whole line of its own: a comment section may follow the note)
  const rest = Array.from({length: length}, (_, index) => length - 1 - index).filter((index) => index >= top.length && !last.includes(index))
  return (
    noticeIn(tree, file, last, republicationNotices) ??
    noticeIn(tree, file, top, republicationNotices) ??
    noticeIn(tree, file, rest, republicationNotices)
  )
}

const republicationNotices = notices.filter((notice) => notice.rule !== 'copyright-line')
const copyrightNotices = notices.filter((notice) => notice.rule === 'copyright-line')

function noticeIn(tree: Root, file: VFile, indexes: number[], kinds: typeof notices): {value: string; evidence: Evidence} | undefined {
  for (const index of indexes) {
    const text = plainText(tree.children[index])
    if (!text || text.value.length > 400) continue
    // (the note may open a longer paragraph: `Republished with permission from Pinewood Health News. Pinewood Health
    // News is a national newsroom …`)
    const first = /^[^\n]{10,200}?[.!?](?=\s+\p{Lu})/u.exec(text.value)?.[0]
    // (or close it: `This post grew out of a talk I gave. Originally published at nadiafl.dev on February 26, 2021.`)
    const last = /(?<=[.!?]\s+)\p{Lu}[^\n.!?]{10,200}(?:\.\p{L}[^\n.!?]*){0,3}[.!?]?$/u.exec(text.value)
    for (const {rule, pattern} of kinds) {
      const opening = pattern.exec(text.value) ?? (first === undefined || rule === 'copyright-line' ? null : pattern.exec(first))
      // (the last sentence only when the paragraph and its first sentence are no note)
      const closing = opening || !last || rule === 'copyright-line' ? null : pattern.exec(last[0])
      const match = opening ?? closing
      // The publisher's legal form is not the outlet's name (`Harbour Media Pvt Ltd`, `PT. Warta Kita Media`).
      // (nor is the article before it, when it is written small: `first appeared in the Karoo Courier`)
      const name = match?.[1]?.trim().replace(legalForm, '').replace(/^PT\.?\s+(?=\p{Lu})/u, '').replace(/^(?:the|o|a|el|la)\s+(?=\p{Lu})/u, '')
      // (nor are the rights themselves: `© Riproduzione riservata`)
      if (!match || !name || !writtenAsName(name) || /^(?:all rights|copyright)/iu.test(name) || rightsOnly.test(name)) continue
      const from = text.value.indexOf(name, (match === closing ? last!.index : 0) + match[0].indexOf(name))
      // (a capitalized word the pattern took for a date's preposition is the name's: `… in Diario El Sur el 3 de mayo`)
      const more = /^\s+(?:On|Le|El|Am|Il|Op|Em)(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*)+/u.exec(text.value.slice(from + name.length))?.[0] ?? ''
      return {value: name + more, evidence: cite(file, rule, textSpan(text, from, from + name.length + more.length))}
    }
  }
  return undefined
}

/**
 * A wire service's or outlet's sign-off at the article's end: alone on the line after its last paragraph of prose
 * (`VNA`, `(AFP)`, `– Bernama`) or after a dash or in brackets ending that paragraph (`… the official said. - NusaPress`,
 * `… said. (IWS)`), or credited by the last sentences (`…, reports BSN.`); a known agency, an abbreviation in brackets, or a name ending with `Press`,
 * `News`, `Wire`, `Post` or `Times`. The sign-off stays in the body.
 */
function signOff(tree: Root, file: VFile, last: number): {value: string; evidence: Evidence} | undefined {
  // (a double hyphen for a dash: `--IANS`)
  const alone = /^(?:--?|[–—(])?\s*(\p{Lu}\p{L}{1,20}(?:\s\p{Lu}\p{L}{1,20})?)\)?\.?$/u
  const glued = /[.!?”"]\s+(?:[-–—]\s*|\()(\p{Lu}\p{L}{1,20}(?:\s\p{Lu}\p{L}{1,20})?)\)?\.?$/u
  // (or the agency the last sentence credits: `…, reports BSN.`)
  const reports = /,\s+(?:reports|reported)\s+(\p{Lu}{3,6}|\p{Lu}\p{L}{1,20})\.$/u
  // `last` is the article's last paragraph of prose; the sign-off is on it or the line right after it (page furniture may follow).
  // The credit ends one of the article's last sentences, short ones after the last long paragraph included.
  const after = last === -1 ? Math.max(0, tree.children.length - 5) : last
  for (let index = Math.min(tree.children.length - 1, after + 4); index >= after; index--) {
    const text = plainText(tree.children[index])
    const credited = text && reports.exec(text.value)
    if (credited && (agencies.has(credited[1]) || /^\p{Lu}{3,6}$/u.test(credited[1]))) {
      const from = credited.index + credited[0].lastIndexOf(credited[1])
      return {value: credited[1], evidence: cite(file, 'sign-off', textSpan(text, from, from + credited[1].length))}
    }
  }
  // (or after short last sentences: `… européenne.` / `(ALP)` under paragraphs too short to be prose)
  let end = last + 1
  while (last !== -1 && end < Math.min(tree.children.length - 1, last + 4) && /[.!?…"”»]$/u.test(plainText(tree.children[end])?.value ?? '')) end++
  for (const index of last === -1 ? [] : [...new Set([end, last + 1, last])]) {
    const text = plainText(tree.children[index])
    if (!text) continue
    // (a paragraph that ends with the sign-off no longer ends like a sentence: it may be the one after the last of prose)
    const match = (index === last ? null : alone.exec(text.value)) ?? glued.exec(text.value)
    // (or an abbreviation in brackets glued to the last sentence: `… those involved. (IWS)`)
    // (not a wire copy's end mark: `(END)`, `(MORE)`)
    // (or after a dash, alone on the line after the last paragraph: `- PIBN`)
    const abbreviation = match !== null && /^\p{Lu}{2,6}$/u.test(match[1]) && !/^(?:END|ENDS|MORE|TBC|PHOTO|VIDEO|AUDIO|FILE)$/u.test(match[1])
    const abbreviated = abbreviation && (match[0].endsWith(')') || (index !== last && /^(?:--?|[–—])\s*\p{Lu}{3}/u.test(match[0])))
    if (!match || !(agencies.has(match[1]) || abbreviated || /(?:press|news|wire|post|times)$/iu.test(match[1]))) continue
    // (a heading of the links that follow is no outlet: `Related News`, `Latest News`)
    if (/^(?:related|more|latest|top|other|recent|breaking|trending|popular|similar|local)\s/iu.test(match[1])) continue
    // (two capitals alone may be the author's initials, as `TT` under a Turkish story: only in brackets)
    if (match[1].length < 3 && !match[0].includes('(')) continue
    const from = match.index + match[0].indexOf(match[1])
    return {value: match[1], evidence: cite(file, 'sign-off', textSpan(text, from, from + match[1].length))}
  }
  return undefined
}

/** The outlet's pitch for its own channel among the last paragraphs (`Join the Warta Kini WhatsApp Channel …`, `… stories from Deccan Ledger on Telegram …`); the pitch stays for `stripBoilerplate`. */
function channelPitch(tree: Root, file: VFile): {value: string; evidence: Evidence} | undefined {
  for (let index = tree.children.length - 1; index >= Math.max(0, tree.children.length - 10); index--) {
    const text = plainText(tree.children[index])
    if (!text || text.value.length > 300) continue
    const match =
      /\b(?:[Jj]oin|[Ff]ollow|[Ss]ubscribe to)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,4})\s+(?:WhatsApp|Telegram)\s+[Cc]hannel\b/u.exec(text.value) ??
      /\bstories from\s+(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,4})\s+on\s+(?:WhatsApp|Telegram)\b/u.exec(text.value)
    if (!match || /^(?:Our|Us|The|This|Official)$/u.test(match[1])) continue
    // (the outlet's, not its possessive: `Join MB's Telegram channel` names `MB`)
    const name = match[1].replace(/['’]s$/u, '')
    const from = match.index + match[0].indexOf(match[1])
    return {value: name, evidence: cite(file, 'channel-pitch', textSpan(text, from, from + name.length))}
  }
  return undefined
}

/** Words that start one (`Diario de Navarra`, `Corriere della Sera`, `Harian Rakyat`). */
const outletFirst = /^(?:(?:el|la|le|il|o|a|the)\s+)?(?:diario|periódico|jornal|gazeta|gazzetta|corriere|giornale|courrier|kurier|gazete|harian|warta|berita|kabar|вести|газета)(?!\p{L})/iu
/** Words that make a short line a section or a prompt, not an outlet's name (`Local News`, `Breaking News`, `Latest News`). */
const notMasthead = /(?<!\p{L})(?:login|log in|sign in|sign up|local|world|national|international|business|sports?|breaking|latest|top|more|related|live|today['’]s|regional|city|state|county|community|campus|school|metro|provincial|entertainment|health|opinion|political|politics|economic|finance|financial|tech|technology|science|weather|good|fake|read|sign|follow|subscribe|get|our|your|most|trusted|leading|best|largest|biggest|favou?rite|premier|number one|featured|sponsored|pinned|recommended)(?!\p{L})/iu
/** A menu's link to a timetable, which no newspaper is (`Mass Times`, `Tide Times`). */
const timetable = /^(?:mass|prayer|service|opening|tide|bus|train|ferry|show|race|tee|departure|arrival)\s+times$/iu
/** An outlet's name in Chinese, Japanese or Korean (`南方晨报`, `섬마을신문`, `中部新聞`). */
const cjkOutlet = /^(?:\p{Script=Han}{2,8}(?:日报|日報|晚报|晚報|晨报|晨報|时报|時報|商报|商報|新闻|新聞|周刊|週刊)|\p{Script=Hangul}{2,8}(?:신문|일보|뉴스))$/u
/** A bare domain (`kabardesa.news`, `RIBERA.ES`). */
const domain = /^(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|news|info|co|es|de|fr|it|pt|nl|be|ch|at|pl|cz|ru|ua|tr|id|my|sg|in|pk|ng|ke|za|au|nz|ca|uk|ie|us|br|mx|ar|cl|co\.uk|com\.au)$/iu

/**
 * The outlet's masthead: among the first three paragraphs, above the first
 * paragraph of prose and not the only short line there, a name of one to six
 * capitalised words with an outlet's word (`Puerto Vallarta News`, `The Grand
 * Valley Voice`), maybe with its place in brackets (`Hudson Valley Courier
 * (Ashford, NY)`), or a bare domain (`kabardesa.news`). It leaves the body.
 */
function masthead(tree: Root, file: VFile): {value: string; evidence: Evidence} | undefined {
  const firstProse = tree.children.findIndex((node) => isProse(plainText(node)?.value ?? ''))
  const end = Math.min(3, firstProse === -1 ? tree.children.length : firstProse)
  // A headline must stand between the masthead and the prose: the masthead is not the page's only short line.
  if (end < 2 && firstProse !== -1) return undefined
  for (let index = 0; index < end; index++) {
    const text = plainText(tree.children[index])
    if (!text || text.value.length > 60 || text.value.includes('\n')) continue
    const match = /^(.+?)(?:\s+\([\p{L} .,'’-]{2,30}\))?$/u.exec(text.value)
    const name = match?.[1] ?? ''
    const words = name.split(/\s+/u)
    const named =
      words.length <= 5 &&
      /^[\p{L}\p{N}&.'’ -]+$/u.test(name) &&
      words.every((word) => /^(?:\p{Lu}|\d|&$)/u.test(word) || /^(?:of|the|de|del|della|la|le|el|di|du|des|van|der|den|y|and)$/u.test(word)) &&
      (outletEnd.test(name) || outletFirst.test(name)) &&
      !notMasthead.test(name) &&
      !timetable.test(name)
    if (!(named && words.length >= 2) && !(words.length === 1 && (domain.test(name) || cjkOutlet.test(name)))) continue
    // The headline stands below it: a longer short line before the prose (else the line may be the headline itself).
    const below = tree.children.slice(index + 1, firstProse === -1 ? undefined : firstProse).some((node) => {
      const line = plainText(node)?.value ?? ''
      return !line.includes('\n') && wordCount(line) >= Math.max(4, words.length + 1) && line !== text.value
    })
    if (!below) continue
    const result = {value: name, evidence: cite(file, 'masthead', textSpan(text, 0, name.length))}
    removeChild(file, tree, index, 'masthead')
    return result
  }
  return undefined
}

/** The source on a Chinese article's meta line above its first paragraph of prose (`作者:记者 来源:东方新闻网 2013-03-04`); the line stays for `stripBoilerplate`. */
function metaLine(tree: Root, file: VFile): {value: string; evidence: Evidence} | undefined {
  for (const index of topZone(tree)) {
    const text = plainText(tree.children[index])
    // (or a line of the date and the source only: `2023-10-02 21:15 来源：星娱周刊`)
    if (!text || !(isCjkMetaLine(text.value) || /^\p{Nd}{4}[-/年.]\p{Nd}{1,2}[-/月.]\p{Nd}{1,2}日?(?:\s+\p{Nd}{1,2}:\p{Nd}{2}(?::\p{Nd}{2})?)?\s+(?:来源|來源)\s*[:：]\s*[\p{L}\p{N}]{2,20}$/u.test(text.value))) continue
    const match = /(?:来源|來源|出处|出處)\s*[:：]\s*([\p{L}\p{N}]{2,20})(?=\s|$)/u.exec(text.value)
    if (!match) continue
    const from = match.index + match[0].length - match[1].length
    return {value: match[1], evidence: cite(file, 'meta-line', textSpan(text, from, from + match[1].length))}
  }
  return undefined
}

/** Whether a `Source:` value reads as a name (`TRT World`, `Ministry of Health`), not a sentence (`They told us …`). */
function isName(value: string): boolean {
  // (or, in a script without capitals, an outlet's name by its ending: `城南日報`; or a short name in such a script:
  // `南方科技报`, `الشرق اليوم`; or a press office, in lower case in Slavic languages: `пресслужба Житомирської міської ради`)
  if (cjkOutlet.test(value) || /^[\p{Lo}][\p{Lo}\p{M}\p{N}·・&' -]{1,29}$/u.test(value) || /^(?:прес-?служба|пресс-служба|press (?:service|office)) \p{L}/iu.test(value)) return true
  const words = value.split(/\s+/u)
  return words.length <= 8 && words.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length * 2 >= words.length
}

/**
 * After a `Source:` label, a name of two to six words that starts with a capital and says no sentence, its other words
 * in lower case maybe (`Подільська агенція новин`, `Baltijos naujienų tarnyba`, `Hrvatska novinska služba`).
 */
function agencyName(value: string): boolean {
  const words = value.split(/\s+/u)
  return words.length >= 2 && words.length <= 6 && /^\p{Lu}/u.test(value) && !/[.!?;:]/u.test(value)
}

/** What may follow the outlet on a `Source:` line: other outlets' contributions. */
const contributions = /,?\s+(?:with (?:additional )?(?:material|reporting|information) (?:from|by)|mit material (?:von|der|des)|avec (?:l[’']|les )?(?:agences?\s)?|con (?:información|material) de|com (?:informações|agências) d[aeo]s?)\s.*$/iu

/**
 * A wire service's credit in the dateline that opens the article: a place
 * (and date), the agency in parentheses, then a dash: `LISBON, March 14
 * (Reuters) - …`, `Lüneburg (dpa) - …`, `Cádiz (EFE).- …`. The agency is an
 * abbreviation (`AP`, `dpa`) or names itself a news service (`dts
 * Nachrichtenagentur`, `Meridian Wire`), so that `Paris (France) -` is no credit.
 */
// (the dash may touch the text, `ROTTERDAM (Interwire) -Dock workers …`; or bars stand for the brackets and the
// dash, `Gulu, Uganda | NRN | Traders …`)
const wireDateline =
  /^(?!(?:The|A|An|Der|Die|Das|La|Le|Les|El|Los|Las|Il|Het|De)\s)(\p{Lu}[\p{L}\p{N}.’' -]{1,40}(?:,\s[\p{L}\p{N}.’' -]{1,30}){0,3})\s(?:(?:[–—]\s+)?\(([^()\n]{2,40})\)\s*(?:\.-|--|[-–—])(?:\s|(?=\p{Lu}))|\|\s(\p{Lu}{2,6})\s\|\s)/u
// (or a name of two to four words that says it is a news service: `(Allied Press) — …`)
const agencyFirst = /^\((\p{Lu}[\p{L}]{1,11}(?:\s\p{Lu}[\p{L}.&-]{1,15}){0,3})\)\s*(?:--?|[–—])\s*\p{Lu}/u
/** A press-release wire's credit opening the text, a site's address or a wire's name in brackets: `(ReleaseDesk.org) Restored …`, `(BUSINESS WIRE)--…`. */
const releaseWire = /^\(((?:[\p{L}\p{N}-]+\.)+(?:com|org|net|info|news|biz|io)|\p{Lu}[\p{L} ]{1,30}?\s?(?:Wire|WIRE|Newswire|NEWSWIRE))\)\s*(?:--?|[–—])?\s*\p{Lu}/u
const agencySlashed = /^\p{Lu}[\p{L}.’' -]{1,40},\s[^/\n]{3,30}?\s\/(\p{Lu}[\p{L} -]{1,20}?)\/\.?\s/u
/** Agencies Russian and Ukrainian datelines name between slashes. */
const slashedAgencies = new Set(['ТАСС', 'РИА Новости', 'Интерфакс', 'ПРАЙМ', 'БелТА', 'Укрінформ', 'УНІАН', 'Интерфакс-Украина'])
/** Arab news agencies by the names datelines give them between slashes (`/ وام /`, `/ قنا /`). */
const arabicAgencies = new Set(['وام', 'واس', 'قنا', 'كونا', 'بنا', 'سانا', 'بترا', 'وفا', 'العمانية', 'الأناضول', 'رويترز', 'أ ف ب', 'أ.ف.ب', 'د ب أ', 'شينخوا', 'أ ش أ'])
/** A dateline's place that ends with the day: `Podor, 14 fév`, `LONDON, March 3`. */
const withDay = /,\s\p{Nd}{1,2}\s\p{L}{3,}\.?$|,\s\p{L}{3,}\.?\s\p{Nd}{1,2}$/u
/** Wire services known by their abbreviation. */
const agencies = new Set('AA AAP AFP ANA ANI ANP ANSA ANTARA AP APA ATS BelTA Bernama CTK CNA dpa DPA EFE epd IANS KNA Kyodo MTI PA PAP PTI RIA SDA TASS TT UNI VNA Xinhua Yonhap Reuters'.split(' '))
/** A name that says it is a news service (`dts Nachrichtenagentur`, `Meridian Wire`). */
// (also glued to the end of the name: `Interwire`, `nordnews`)
const agencyWord = /\b(?:news|wire|press|agency|agencia|agência|agenzia|agence|nachrichtenagentur|nieuws|service)\b|\p{L}(?:wire|news)$/iu

/** The agency credited in the dateline of one of the first three paragraphs of prose, if any. */
function agencyCredit(tree: Root, file: VFile): {value: string; evidence: Evidence} | undefined {
  // An agency's credit in Chinese or Korean, which says what it is: `华讯社上海1月1日电(记者…)`, `(서울=한빛뉴스) 김도현 기자 =`.
  for (const node of tree.children.slice(0, 30)) {
    const text = plainText(node)
    const cjk = text ? cjkCredit(text.value) : undefined
    // (with its reporters: an agency's dateline alone, `华讯社杭州1月1日电 题：…`, is left to a `来源:` line)
    if (text && cjk?.agency && cjk.names.length > 0) {
      return {value: text.value.slice(cjk.agency.start, cjk.agency.end), evidence: cite(file, 'wire-dateline', textSpan(text, cjk.agency.start, cjk.agency.end))}
    }
  }
  // Up to the first paragraph of prose: an Arabic dateline names its agency between slashes (`العين في 10 أكتوبر / وام /
  // انطلقت …`); a known agency may stand before the place (`(ANSA) - COMO, 12 MAG - …`), or between slashes after it, as
  // Russian wires write it (`БАРНАУЛ, 14 апреля. /ТАСС/. …`).
  for (const node of tree.children.slice(0, 25)) {
    const text = plainText(node)
    if (!text) continue
    const long = text.value.length >= 80
    const slashed = long ? /^[^/\n]{2,60}?\s\/\s?([\p{Script=Arabic} ]{2,30}?)\s?\/\s/u.exec(text.value) : null
    const agency = slashed?.[1].trim()
    if (slashed && agency && (arabicAgencies.has(agency) || /^وكالة\s/u.test(agency))) {
      const from = slashed[0].indexOf(agency, slashed[0].indexOf('/'))
      return {value: agency, evidence: cite(file, 'wire-dateline', textSpan(text, from, from + agency.length))}
    }
    const release = long ? releaseWire.exec(text.value) : null
    const credit = release ?? (long ? (agencyFirst.exec(text.value) ?? agencySlashed.exec(text.value)) : null)
    if (credit && (release || agencies.has(credit[1]) || slashedAgencies.has(credit[1]) || (/\s/u.test(credit[1]) && agencyWord.test(credit[1])))) {
      const from = credit[0].indexOf(credit[1])
      return {value: credit[1], evidence: cite(file, 'wire-dateline', textSpan(text, from, from + credit[1].length))}
    }
    if (isProse(text.value)) break
  }
  let paragraphs = 0
  for (const [index, node] of tree.children.slice(0, 25).entries()) {
    const text = plainText(node)
    // (the dateline may stand alone on its line over the article's first paragraph: `TBMM (YHA) -`)
    const next = plainText(tree.children[index + 1])?.value ?? ''
    const alone = text && text.value.length < 80 && next.length >= 80 ? wireDateline.exec(text.value + ' ' + next) : null
    if (!text || (text.value.length < 80 && !(alone && alone[0].length <= text.value.length + 1))) continue
    // (a roundup's item may put its headline in capitals before it: `BRIDGE REOPENS EARLY: MEMPHIS, Tenn. (Allied Press) — …`)
    const lead = /^\p{Lu}[^\p{Ll}\n:]{8,120}:\s+(?=\p{Lu})/u.exec(text.value)?.[0].length ?? 0
    const led = lead > 0 ? wireDateline.exec(text.value.slice(lead)) : null
    const match = wireDateline.exec(text.value) ?? alone ?? led
    const name = (match?.[2] ?? match?.[3])?.trim()
    // A known service, a name that says it is one, or an abbreviation after a place in capitals
    // (`TRIESTE (ALN) -`), not any abbreviation (`The International Monetary Fund (IMF) -`).
    const place = match?.[1] ?? ''
    // (between bars an abbreviation after any place: `Gulu, Uganda | NRN | …`)
    const credited =
      name !== undefined &&
      (agencies.has(name) ||
        agencyWord.test(name) ||
        match?.[3] !== undefined ||
        // (or after a place whose first word is in capitals, as American datelines write it: `PORTLAND, Ore. (UPN) —`)
        (/^\p{Lu}{2,6}$/u.test(name) && /^\p{Lu}{3,}(?:,|\s|$)/u.test(place)) ||
        // (or after a place with the day: `Podor, 14 fév (ASI) –`)
        (/^\p{Lu}{2,6}$/u.test(name) && (place.replace(/[^\p{L}]/gu, '') === place.replace(/[^\p{L}]/gu, '').toUpperCase() || withDay.test(place))) ||
        // (or a name of one to three words after a place in capitals with the day: `LONDON, March 3 (Meridian) -`)
        (/^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}$/u.test(name) && /^\p{Lu}{3,}(?:,|\s)/u.test(place) && withDay.test(place)))
    if (!match || !name || !credited || /\d/u.test(name)) {
      // The dateline opens the article: a standfirst or caption may come first, not more.
      if (++paragraphs === 3) return undefined
      continue
    }
    const from = (match === led ? lead : 0) + (match[2] === undefined ? match[0].indexOf(name, match[1].length) : match[0].indexOf(name, match[0].lastIndexOf('(')))
    return {value: name, evidence: cite(file, 'wire-dateline', textSpan(text, from, from + name.length))}
  }
  return undefined
}

/**
 * A wire service as the byline at the top (`By AFP`, `Par ALP`, `Von dpa`): a known service or an abbreviation of two
 * to six capitals; or a known service after the reporter (`By Dana Roe and AFP`, `By Dana Roe, Reuters`, `Von Lena
 * Brandt (dpa)`). Rule `agency-byline`; the line stays for `extractByline`, which leaves the service out of the authors.
 */
const agencyAsByline = new RegExp(
  String.raw`^${shortBylineLabel.replace(/(?<=[:|])\p{Ll}/gu, (letter) => `[${letter.toUpperCase()}${letter}]`)}\s+(?:(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})(?:,|\s+(?:and|with|und|mit|et|avec|y|con|e|en|og|och|&)|\s*/)\s+|(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\s+\()?(\S{2,12}?)\)?$`,
  'u'
)

/**
 * The outlet's web address opening a dateline, before a dash and the date (`WartaNusa.com - 14/09/2022, 17:45 WIB`, as
 * Indonesian sites print it); rule `dateline-outlet`.
 */
const datelineDomain = new RegExp(String.raw`^(${webAddress})\s+[-–—|]\s+\p{Nd}`, 'u')

function datelineOutlet(file: VFile): {value: string; evidence: Evidence} | undefined {
  for (const text of file.data.datelines ?? []) {
    const match = datelineDomain.exec(text.value)
    if (match) return {value: match[1], evidence: cite(file, 'dateline-outlet', textSpan(text, 0, match[1].length))}
  }
  return undefined
}

/** A byline's label, then a name (what `namedAgency` tells an agency by), up to the line's end or a bar. */
const namedAgencyByline = new RegExp(String.raw`^${shortBylineLabel}\s+(\p{Lu}[^|·•,\n]{2,60}?)(?=\s*(?:[|·•,]|$))`, 'iu')

/** A byline's label, then a web address and nothing else. */
const addressByline = new RegExp(String.raw`^(?:${shortBylineLabel}|authors?|autor|auteur|autore|penulis|yazar)\s*:?\s+(${webAddress})$`, 'iu')

function agencyByline(tree: Root, file: VFile): {value: string; evidence: Evidence} | undefined {
  for (const index of topZone(tree)) {
    const text = plainText(tree.children[index])
    // (or a service that says what it is, maybe before the byline's time: `by Heartland Wire Service | Today at 3:42 p.m.`)
    // (or the outlet's web address as an aggregator's byline: `Author: Suarakita.id`)
    const named = text ? namedAgencyByline.exec(text.value) : null
    const credit = named && writtenAsName(named[1]) && namedAgency.test(named[1]) ? named : text ? addressByline.exec(text.value) : null
    if (text && credit) {
      const from = credit[0].length - credit[1].length
      return {value: credit[1], evidence: cite(file, 'agency-byline', textSpan(text, from, from + credit[1].length))}
    }
    const match = text ? agencyAsByline.exec(text.value) : null
    if (!text || !match) continue
    const [whole, reporter, bracketed, service] = match
    const alone = reporter === undefined && bracketed === undefined
    const known = agencies.has(service) || (alone && /^\p{Lu}{2,6}$/u.test(service))
    // (a bracket closes only the service a reporter's name opened: `Von Lena Brandt (dpa)`)
    if (!known || whole.endsWith(')') !== (bracketed !== undefined)) continue
    const from = whole.length - service.length - (whole.endsWith(')') ? 1 : 0)
    return {value: service, evidence: cite(file, 'agency-byline', textSpan(text, from, from + service.length))}
  }
  return undefined
}

/** Compare outlet names loosely: case, a leading “the”, punctuation and spacing. */
export function sameOutlet(a: string, b: string): boolean {
  return outletKey(a) === outletKey(b)
}

function outletKey(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
}
