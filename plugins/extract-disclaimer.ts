/** Plugin: find the disclaimer paragraph, keep it as metadata and take it out of the body. */
import type {Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {cite, field, plainText, removeChild, setField, textSpan} from './support/evidence.js'
import {isProse} from './support/zones.js'

const label = /^[*\s]*(?:disclaimer|editor[’']s disclaimer)\s*[:：–—-]\s*/iu
/**
 * Each pattern with a word it cannot match without (tested first: most
 * paragraphs have none of them, and the patterns cost more).
 */
const patterns: ReadonlyArray<[hint: RegExp, pattern: RegExp, english?: true]> = [
  [/necessarily/iu, /\b(?:views?|opinions?|viewpoints?)\b.{0,200}?\b(?:do not|don[’']t|does not|doesn[’']t) necessarily (?:reflect|represent)\b/iu, true],
  // “The views expressed are the author’s own” (views first: `The decision is her own` is no disclaimer).
  [/\bown\b|authors?[’']|writers?[’']/i, /\b(?:views?|opinions?|viewpoints?|thoughts|statements?)\b.{0,160}?\b(?:are|is|remain) (?:solely |entirely )?(?:the|their|his|her) (?:own|authors?[’']s?(?: own)?|writers?[’']s?(?: own)?)\b/iu, true],
  [/\bown\b/i, /\bare (?:solely |entirely )?(?:the )?(?:author|writer)s?[’']s? own\b/iu],
  // “… are solely those of the author and do not reflect …”, “… gives the views of the author, and not the position of …”
  [/those of the/iu, /\b(?:views?|opinions?)\b.{0,120}?\b(?:solely|entirely|only) those of the (?:authors?|writers?|contributors?)\b/iu, true],
  [/views? of the/iu, /\bviews? of the (?:authors?|writers?)\b.{0,40}?\bnot (?:necessarily )?the (?:position|views?|opinions?) of\b/iu, true],
  // “The views expressed in this post are those of the authors and not necessarily those of the Institute.”
  [/not necessarily those/iu, /\b(?:views?|opinions?)\b.{0,120}?\bare those of the (?:authors?|writers?|contributors?)(?:\(s\))?\b.{0,20}?\bnot necessarily those of\b/iu, true],
  // An affiliate disclosure: “This post may contain affiliate links …”, “Questo articolo contiene link di affiliazione …”.
  [/affilia/iu, /\b(?:this (?:post|article|page|review) (?:may )?contains? affiliate links|contiene link di affiliazione|contiene enlaces de afiliad[oa]s?|enthält affiliate-links|contient des liens (?:d['’]affiliation|affiliés)|contém links de afiliad[oa]s?)\b/iu],
  // Other languages: “no reflejan necesariamente”, “non riflettono necessariamente”, “não refletem necessariamente”,
  // “nicht notwendigerweise die Meinung der Redaktion”, “n’engagent que leur auteur”, “Åsikterna … är skribentens egna”,
  // “görüşler yazarın kendisine aittir”, “Мнение автора может не совпадать с позицией редакции”,
  // “wyraża poglądy autora”, “pendapat pribadi penulis”, “tidak mencerminkan sikap redaksi”.
  [
    /necesariamente|necessariamente/iu,
    /\b(?:no (?:reflejan?|representan?)|non (?:riflett\p{L}+|rappresent\p{L}+)|não (?:refletem|reflete|representam?)) necesariamente\b|\b(?:non (?:riflett\p{L}+|rappresent\p{L}+)|não (?:refletem|reflete|representam?)) necessariamente\b/iu
  ],
  [
    /notwendigerweise|unbedingt|zwingend|immer die|auteur/iu,
    /\bnicht (?:notwendigerweise|unbedingt|zwingend|immer) (?:die|der) (?:meinung|position|ansicht|haltung)\b|\bn[’']engag\p{L}* que (?:leurs?|son|ses|l[’'])\s?auteurs?\b/iu
  ],
  [
    /skribent|författar|yazar/iu,
    /(?<!\p{L})åsikter\p{L}*\b.{0,80}?(?<!\p{L})är (?:skribentens|författarens|skribenternas) (?:egna|egen)\b|\bgörüşler\b.{0,120}?\byazar\p{L}* (?:kendisine )?ait\p{L}*/iu
  ],
  // “The views expressed above belong to the author(s).”, “… are the sole responsibility of the author.”
  [/belongs? to the|sole responsibility/iu, /\b(?:views?|opinions?|statements?|expressions? of opinion)\b.{0,160}?\b(?:belongs? (?:solely )?to the (?:authors?|writers?)(?:\(s\))?|(?:are|is|remain) (?:the )?sole responsibility of the (?:authors?|writers?)(?:\(s\))?)(?!\p{L})/iu, true],
  // Spanish “… son responsabilidad exclusiva de su autor”, Arabic “… ولا تعبر بالضرورة عن رأي الصحيفة”.
  [/exclusiva|بالضرورة/iu, /\b(?:opiniones|artículos?|columnas?|textos?)\b.{0,120}?\bson (?:de )?(?:responsabilidad exclusiva|exclusiva responsabilidad) de (?:su|sus|el|los|la|las) autor(?:es|a|as)?\b|لا تعبر بالضرورة عن/iu],
  // A blog platform's notice: `The opinions … here are presented solely by the authors, and X assumes no responsibility for them.`
  [/solely by the/iu, /\b(?:views?|opinions?|content)\b.{0,120}?\b(?:presented|expressed|provided) solely by the (?:authors?|writers?|bloggers?|contributors?)\b/iu, true],
  // A syndicated copy's note: `(This story has not been edited by X staff and is auto-generated from a syndicated feed.)`.
  [/syndicated feed/iu, /\bauto-generated from a syndicated feed\b/iu, true],
  [/автора/iu, /мнение автора (?:может )?не (?:совпадать|совпадает) с (?:позицией|мнением) редакции|думка автора може не збігатися з позицією редакції/iu],
  [
    /autora|penulis|redaksi/iu,
    /\bwyraża(?:ją)? (?:wyłącznie )?(?:poglądy|opinie|opinię) autora\b|\bpendapat pribadi penulis\b|\btidak (?:selalu )?mencerminkan (?:sikap|pandangan|kebijakan) redaksi\b/iu
  ]
]

/**
 * An English disclaimer speaks of the text or its author (`The views expressed
 * …`, `… in this article`, `… those of the author`); `The survey's views, its
 * authors cautioned, do not necessarily reflect those of …` in a report does not.
 * (The other languages' patterns name the author or the text themselves.)
 */
const aboutTheText =
  /\b(?:expressed|herein|presented solely|guest (?:columnists?|contributors?|writers?|authors?)|(?:this|the) (?:article|column|piece|op-ed|blog|post|commentary|story|publication|essay|letter|site|website|podcast|video)|(?:of|by) the (?:authors?|writers?|contributors?|columnists?)|(?:authors?|writers?)[’']s? own|my own)\b/i

const quoted = /[,.!?]["”»]\s[^"“”«»]{0,80}\b(?:said|says|told|added|wrote)\b|\b(?:said|says|told)\b[^.]{0,40}[:,]\s*[“"«]/u

/** Words that may stand inside an outlet's name. */
const name = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*(?:\s+(?:[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*|of|and|&)){0,5}`
const outletPatterns: ReadonlyArray<RegExp> = [
  // “… the editorial policies of TRT World.”, “… the views of The Conversation.”
  new RegExp(String.raw`\b(?:editorial (?:polic(?:y|ies)|stance|line|position|views?)|views?|position|opinions?) of (?:the )?(${name})`, 'u'),
  // “… reflect Anadolu’s editorial policy”, “… Al Jazeera’s editorial stance”
  new RegExp(String.raw`(${name})[’']s? editorial\b`, 'u'),
  // “Disclaimer: As submitted to the Valley Sentinel.”
  new RegExp(String.raw`\bsubmitted to (?:the )?(${name})`, 'u'),
  // “… la línea editorial de Diario del Norte”, “… sikap redaksi Harian Nusantara”
  new RegExp(String.raw`\b(?:línea editorial|linha editorial|linea editoriale|posición|opinión) d(?:e|el|a|o|i|ella) (?:la |el )?(${name})|\b(?:sikap|kebijakan|pandangan) redaksi (${name})`, 'u')
]

/**
 * Find the disclaimer: a paragraph that starts with `Disclaimer:` or says the
 * views expressed do not necessarily reflect someone else's, or are the author's
 * own (a leading `*` is allowed). The last such paragraph becomes `disclaimer`
 * (without its label) and leaves the body. When it names an outlet, that name is
 * kept in `file.data.disclaimerOutlet` for `extractSource`.
 */
export default function extractDisclaimer() {
  return function (tree: Root, file: VFile): undefined {
    file.data.disclaimerOutlet = field<string | null>(null)
    const lastProse = tree.children.findLastIndex((node) => isProse(plainText(node)?.value ?? ''))
    for (let index = tree.children.length - 1; index >= 0; index--) {
      const text = plainText(tree.children[index])
      if (!text || text.value.length > 800) continue
      const labelled = label.exec(text.value)
      // Unlabelled, a disclaimer stands near the start or the end (among the last paragraphs, or after the last of
      // prose however much furniture follows, or up to two before it: a pitch for submissions reads as prose), not
      // among the article's paragraphs.
      const edge = index < 4 || index >= tree.children.length - 6 || (lastProse !== -1 && index >= lastProse - 2)
      if (!labelled && !(edge && patterns.some(([hint, pattern, english]) => hint.test(text.value) && pattern.test(text.value) && (!english || aboutTheText.test(text.value))))) continue
      // … and is no one's quoted statement (`"The views expressed … do not necessarily reflect …," the editor said`).
      if (!labelled && quoted.test(text.value)) continue
      // A comment section's notice (`Comments posted here are the views of the commenters …`) is not about the article.
      if (/\b(?:comments posted|commenters|comments? (?:are|is) (?:the )?(?:views|opinions|responsibility))\b/i.test(text.value)) continue

      let from = labelled ? labelled[0].length : /^[*\s]*/u.exec(text.value)![0].length
      let to = text.value.length - /[*\s]*$/u.exec(text.value)![0].length
      // (a note in brackets is given without them: `(This story has not been edited …)`)
      if (text.value[from] === '(' && text.value[to - 1] === ')' && !text.value.slice(from + 1, to - 1).includes(')')) [from, to] = [from + 1, to - 1]
      if (to <= from) continue
      setField(file, 'disclaimer', field<string | null>(text.value.slice(from, to), [cite(file, 'disclaimer', textSpan(text, from, to))]))
      file.data.disclaimerOutlet = outletOf(file, text, from, to)
      removeChild(file, tree, index, 'disclaimer')
      break
    }
    setField(file, 'disclaimer', field<string | null>(null))
    return undefined
  }
}

function outletOf(file: VFile, text: Text, from: number, to: number) {
  const value = text.value.slice(0, to)
  for (const pattern of outletPatterns) {
    pattern.lastIndex = 0
    const match = pattern.exec(value)
    const group = match?.[1] ?? match?.[2]
    if (!match || !group || match.index < from) continue
    // Trim connecting words and a full stop that the name pattern may have taken.
    const found = group.replace(/(?:\s+(?:of|and|&))+$/u, '').replace(/\.$/u, '')
    const start = match.index + match[0].indexOf(group)
    return field<string | null>(found, [cite(file, 'disclaimer-names-outlet', textSpan(text, start, start + found.length))])
  }
  return field<string | null>(null)
}
