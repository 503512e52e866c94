/** Plugin: find the disclaimer paragraph, keep it as metadata and take it out of the body. */
import type {Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {cite, field, plainText, removeChild, setField, textSpan} from './support/evidence.js'
import {splitSentences} from './support/sentences.js'
import {isCookieBanner} from './support/shapes.js'
import {isProse} from './support/zones.js'

const label =
  /^[*\s]*(?:disclaimer|editor[’']s disclaimer|(?:affiliate |advertiser |advertising |financial )?disclosure|haftungsausschluss|avertissement|aviso legal|descargo de responsabilidad|esclusione di responsabilità|zastrzeżenie|sorumluluk reddi|penafian|免責事項|अस्वीकरण|ڈس کلیمر|دستبرداری|إخلاء (?:ال)?مسؤولية|отказ от ответственности)\s*[:：–—-]\s*/iu
/** A short label before a disclaimer's sentence (`Important:`, `Hinweis:`, `Note:`): not part of the disclaimer. */
const shortLabel = /^[*\s]*\p{L}[\p{L}’' ]{1,24}?\s*[:：]\s+/u
/**
 * Each pattern with a word it cannot match without (tested first: most
 * paragraphs have none of them, and the patterns cost more).
 */
const patterns: ReadonlyArray<[hint: RegExp, pattern: RegExp, english?: true]> = [
  [/necessarily/iu, /\b(?:views?|opinions?|viewpoints?)\b.{0,200}?\b(?:do not|don[’']t|does not|doesn[’']t) necessarily (?:reflect|represent)\b/iu, true],
  // “The views expressed are the author’s own” (views first: `The decision is her own` is no disclaimer).
  [/\bown\b|authors?[’']|writers?[’']/i, /\b(?:views?|opinions?|viewpoints?|thoughts|statements?)\b.{0,160}?\b(?:are|is|remain) (?:solely |entirely )?(?:the|their|his|her|my|our) (?:own|authors?[’']s?(?: own)?|writers?[’']s?(?: own)?)\b/iu, true],
  [/\bown\b/i, /\bare (?:solely |entirely )?(?:the )?(?:author|writer)s?[’']s? own\b/iu],
  // India's and Nigeria's short note, a sentence of its own: `Views are personal.`, `Views expressed by contributors are strictly
  // personal and not of X.`
  [
    /personal/iu,
    /(?:^|[.!?]\s+)(?:the\s+)?(?:views?|opinions?)(?:\s+and\s+opinions?)?(?:\s+expressed)?(?:\s+(?:here|above|below|in this (?:article|column|piece)|by (?:the\s+)?(?:contributors?|authors?|writers?|columnists?)))?\s+(?:are|is)\s+(?:strictly\s+|purely\s+|entirely\s+)?personal\b/iu
  ],
  // “This column reflects the opinion of the writer.”, “This commentary represents the author's views.”, “This is an opinion piece.”
  [
    /reflects?|represents?|expresses|opinion (?:column|piece|article)/iu,
    /\bthis (?:column|commentary|op-ed|opinion piece|piece|essay|article|post|blog post|letter)\b (?:only |solely )?(?:reflects|represents|expresses) (?:solely |only )?(?:the )?(?:(?:personal )?(?:opinions?|views?|viewpoints?) of (?:the|its) (?:writers?|authors?|columnists?|contributors?)(?:\(s\))?|(?:writer|author|columnist|contributor)s?[’']s? (?:own )?(?:opinions?|views?))(?!\p{L})|^\W*this is an? (?:opinion|commentary) (?:column|piece|article)\b/iu,
    true
  ],
  // “… are solely those of the author and do not reflect …”, “… gives the views of the author, and not the position of …”;
  // or a sentence of its own: `Opinions expressed are those of the writer.`, `The views in this column are those of the author.`
  [
    /those of the/iu,
    /\b(?:views?|opinions?)\b.{0,120}?\b(?:solely|entirely|only) those of the (?:authors?|writers?|contributors?)\b|(?:^|[.!?]\s+)(?:the\s+)?(?:views?|opinions?)(?:\s+and\s+opinions?)?(?:\s+expressed)?(?:\s+(?:here|herein|above|below|in (?:this|these) (?:articles?|columns?|pieces?|posts?|op-eds?)))?\s+are those of the (?:authors?|writers?|columnists?|contributors?)(?:\(s\))?\s*(?:alone\s*)?(?:[.!]|$)/iu,
    true
  ],
  [/views? of the/iu, /\bviews? of the (?:authors?|writers?)\b.{0,40}?\bnot (?:necessarily )?the (?:position|views?|opinions?) of\b/iu, true],
  // An opinion section's note: `Signed columns reflect the views of their authors.`, `Opinions represent the viewpoint of the author.`
  [/reflect the|represent the/iu, /\b(?:signed )?(?:columns|articles|opinion pieces|op-eds|commentaries|letters|guest essays|opinions)\s+(?:\p{L}+\s+){0,3}?(?:reflect|represent) (?:only )?the (?:views?|opinions?|viewpoints?) of (?:their|the|its) (?:authors?|writers?)(?!\p{L})/iu, true],
  // “The views expressed in this post are those of the authors and not necessarily those of the Institute.”
  // (or `… are those of the writers and do not reflect the views of The Capital Ledger.`)
  [
    /not necessarily those|not (?:necessarily )?(?:reflect|represent)/iu,
    /\b(?:views?|opinions?)\b.{0,120}?\bare those of the (?:authors?|writers?|contributors?|columnists?)(?:\(s\))?\b.{0,20}?\b(?:not necessarily those of|(?:do|does) not (?:necessarily )?(?:reflect|represent))\b/iu,
    true
  ],
  // An affiliate disclosure: “This post may contain affiliate links …”, “Questo articolo contiene link di affiliazione …”.
  [/affilia|parceir|partner|socios|partenaires/iu, /\b(?:this (?:post|article|page|review) (?:may )?contains? (?:affiliate|partner) links|(?:pode )?conter links de (?:parceiros|afiliad[oa]s)|(?:puede )?contener enlaces de (?:socios|afiliad[oa]s)|(?:peut )?contenir des liens (?:partenaires|affiliés)|contiene link di affiliazione|contiene enlaces de afiliad[oa]s?|enthält affiliate-links|contient des liens (?:d['’]affiliation|affiliés)|contém links de afiliad[oa]s?)\b/iu],
  // Other languages: “no reflejan necesariamente”, “non riflettono necessariamente”, “não refletem necessariamente”,
  // “nicht notwendigerweise die Meinung der Redaktion”, “Leserbriefe geben nicht die Meinung der Redaktion wieder”, “n’engagent que leur auteur”, “Åsikterna … är skribentens egna”,
  // “görüşler yazarın kendisine aittir”, “Мнение автора может не совпадать с позицией редакции”,
  // “wyraża (jedynie) poglądy autora”, “pendapat pribadi penulis”, “tidak mencerminkan sikap redaksi”.
  [
    /necesariamente|necessariamente/iu,
    /\b(?:no (?:reflejan?|representan?)|non (?:riflett\p{L}+|rappresent\p{L}+)|não (?:refletem|reflete|representam?)),?\s+necesariamente\b|\b(?:non (?:riflett\p{L}+|rappresent\p{L}+)|não (?:refletem|reflete|representam?)),?\s+necessariamente\b/iu
  ],
  [
    /notwendigerweise|unbedingt|zwingend|immer die|redaktion wieder|auteur|nécessairement|forcément/iu,
    /\bnicht (?:notwendigerweise|unbedingt|zwingend|immer) (?:die|der) (?:meinung|position|ansicht|haltung)\b|\bgeben nicht die (?:meinung|position|ansicht|haltung) der redaktion wieder\b|\bn[’']engag\p{L}* que (?:leurs?|son|ses|l[’'])\s?auteur(?:e|es|s)?\b|(?<!\p{L})ne (?:reflèt|représent)\p{L}* pas (?:nécessairement|forcément)(?!\p{L})/iu
  ],
  [
    /skribent|författar|yazar/iu,
    /(?<!\p{L})åsikter\p{L}*\b.{0,80}?(?<!\p{L})är (?:skribentens|författarens|skribenternas) (?:egna|egen)\b|(?<!\p{L})(?:udtryk|uttrykk) for (?:skribentens|forfatterens|skribenternes|skribentenes|forfatternes) (?:egen|egne) (?:holdning(?:er)?|mening(?:er)?|synspunkter)(?!\p{L})|\bgörüşler\b.{0,120}?\byazar\p{L}* (?:kendisine )?ait\p{L}*/iu
  ],
  // “The views expressed above belong to the author(s).”, “… are the sole responsibility of the author.”
  [/belongs? to the|sole responsibility/iu, /\b(?:views?|opinions?|statements?|expressions? of opinion)\b.{0,160}?\b(?:belongs? (?:solely )?to the (?:authors?|writers?)(?:\(s\))?|(?:are|is|remain) (?:the )?sole responsibility of the (?:authors?|writers?)(?:\(s\))?)(?!\p{L})/iu, true],
  // Spanish “… son responsabilidad exclusiva de su autor”, Arabic “… ولا تعبر بالضرورة عن رأي الصحيفة”.
  [/exclusiva|بالضرورة/iu, /\b(?:opiniones|artículos?|columnas?|textos?)\b.{0,120}?\bson (?:de )?(?:responsabilidad exclusiva|exclusiva responsabilidad) de (?:su|sus|el|los|la|las) autor(?:es|a|as)?\b|لا (?:تعبر|يعبر|تعكس|يعكس) بالضرورة عن/iu],
  // A blog platform's notice: `The opinions … here are presented solely by the authors, and X assumes no responsibility for them.`
  [/solely by the/iu, /\b(?:views?|opinions?|content)\b.{0,120}?\b(?:presented|expressed|provided) solely by the (?:authors?|writers?|bloggers?|contributors?)\b/iu, true],
  // A syndicated copy's note: `(This story has not been edited by X staff and is auto-generated from a syndicated feed.)`.
  [/syndicated feed/iu, /\bauto-generated from a syndicated feed\b/iu, true],
  // Chinese: `本文僅代表作者個人觀點，不代表本平台立場。`
  [/作者|立場|立场/u, /(?:本文|文章|以上)(?:僅|仅|只)代表作者(?:個人|个人|本人)?(?:觀點|观点|意見|意见|立場|立场)|不代表本(?:平台|網|网|站|報|报|刊|台)(?:立場|立场|觀點|观点)/u],
  // A sponsor's notice in Arabic: `هذا المحتوى مدفوع …`
  [/المحتوى|برعاية/u, /هذا المحتوى (?:مدفوع|إعلاني|برعاية)|محتوى (?:مدفوع|إعلاني) (?:برعاية|مقدم من)/u],
  // Urdu `ادارے کا کالم نگار کی رائے سے متفق ہونا ضروری نہیں۔` (the paper need not share the columnist's view), Hindi `लेख में
  // व्यक्त विचार लेखक के निजी हैं` (the views are the writer's own) and `… चिकित्सकीय सलाह का विकल्प नहीं …` (no substitute for medical advice).
  [
    /متفق|विचार|सलाह/u,
    /(?:ادارے|ادارہ)[^۔.\n]{0,40}?رائے\s+سے\s+متفق\s+ہونا\s+ضروری\s+نہیں|(?:व्यक्त|प्रकट)\s+(?:किए\s+गए\s+)?विचार\s+(?:लेखक|लेखकों)\s+के\s+(?:निजी|अपने|व्यक्तिगत)|(?:चिकित्सकीय|चिकित्सा|डॉक्टरी|वित्तीय|निवेश|कानूनी)\s+सलाह\s+का\s+विकल्प\s+नहीं/u
  ],
  [/автора/iu, /мнение автора (?:может )?не (?:совпадать|совпадает) с (?:позицией|мнением) редакции|думка автора може не збігатися з позицією редакції/iu],
  // An affiliate disclosure in other words: `When you buy through links on our site, we may earn an affiliate commission.`,
  // `… I may receive a small commission, at no extra cost to you, if you make a purchase through a link`, `Dieser Artikel
  // enthält sogenannte Affiliate-Links … erhalten wir eine kleine Provision`, `… podemos recibir una comisión`.
  [
    /commission|affiliate|provision|comisi|commissie|comissão|prowizj|afiliacyj/iu,
    new RegExp(
      [
        String.raw`\b(?:links?|purchases?|buy|purchase|shop)\b[^.]{0,120}?\b(?:earn|receive|get|make|collect)s?\b[^.]{0,30}?\bcommissions?\b`,
        String.raw`\b(?:earn|receive|get|make|collect)s?\b[^.]{0,30}?\bcommissions?\b[^.]{0,120}?\b(?:links?|purchases?|buy|purchase)\b`,
        String.raw`\baffiliate (?:links?|commissions?|partnerships?|programs?|programmes?)\b`
      ].join('|'),
      'iu'
    ),
    true
  ],
  [
    /affiliate|provision|comisi|commissie|comissão|prowizj|afiliacyj/iu,
    new RegExp(
      [
        String.raw`(?<!\p{L})(?:enthält|enthalten|contient|contiene|contém|bevat|zawiera)(?!\p{L}).{0,30}?(?<!\p{L})(?:affiliate-links?|liens (?:d['’]affiliation|affiliés)|enlaces de afiliad\p{L}*|link di affiliazione|links de afiliad\p{L}*|affiliate links?|linki? afiliacyjn\p{L}*)`,
        String.raw`(?<!\p{L})erhalten wir\b.{0,40}?(?<!\p{L})provision(?!\p{L})`,
        String.raw`(?<!\p{L})(?:percevoir|percevons|toucher|touchons|recevoir|recevons|recibir|recibimos|ganar|ganamos|ricevere|riceviamo|receber|recebemos|ontvangen)(?!\p{L}).{0,40}?(?<!\p{L})(?:commission|comisión|commissione|comissão|commissie)(?!\p{L})`,
        String.raw`(?<!\p{L})(?:linki? afiliacyjn\p{L}*|otrzymuje\p{L}* prowizj\p{L}*)`
      ].join('|'),
      'iu'
    )
  ],
  // Not a recommendation to invest: `… this article is not a recommendation by Coinvesta or the writer to invest in digital
  // tokens or any other asset.`
  [/recommendation/iu, /\b(?:is|are|does) not (?:constitute )?(?:a |any )?recommendation\b[^.]{0,80}?\bto (?:invest|buy|sell|trade|hold)\b/iu, true],
  // Not advice: `This guide … does not constitute financial advice.`, `The information on this page is not medical advice`,
  // `… should not be taken as investment advice`, `… not a substitute for professional medical advice`, `… for educational
  // purposes only`, and `non sostituiscono … il parere del medico`, `nie stanowi rekomendacji inwestycyjnej`, `stellt keine
  // Anlageberatung dar`, `ne constitue pas un conseil en investissement`, `no constituye asesoramiento financiero`,
  // `yatırım tavsiyesi değildir`, `bukan merupakan ajakan untuk membeli`, `投資助言ではありません`.
  [
    /advice|purposes only/iu,
    new RegExp(
      [
        String.raw`\b(?:not|nor|never|nothing|no)\b[^.]{0,60}?\b(?:financial|investment|medical|legal|tax|professional|health|trading|investing)(?:,?\s+(?:or|and)\s+\p{L}+)*\s+advice\b`,
        String.raw`\b(?:isn|aren|doesn|don|shouldn)[’']t\b[^.]{0,60}?\b(?:financial|investment|medical|legal|tax|professional|health|trading|investing)\s+advice\b`,
        String.raw`\bfor (?:general )?(?:information(?:al)?|educational|entertainment)(?: and (?:information(?:al)?|educational|entertainment))? purposes only\b`
      ].join('|'),
      'iu'
    ),
    true
  ],
  [
    /beratung|empfehlung|ersetzt|conseil|remplace|asesor|consejo|recomendaci|sustituye|consulenz|parere|consigli|sollecitazione|aconselhamento|recomenda|substitui|advies|porad|rekomendac|zastępuje|tavsiye|saran|ajakan|nasihat|助言|勧誘|診断|рекомендац|консультац/iu,
    new RegExp(
      [
        String.raw`(?<!\p{L})(?:stellt|stellen|ist|sind)(?!\p{L}).{0,40}?(?<!\p{L})keine? (?:\p{L}+ )?(?:anlageberatung|anlageempfehlung|kaufempfehlung|rechtsberatung|steuerberatung|finanzberatung|medizinische beratung)(?!\p{L})|(?<!\p{L})ersetz\p{L}* (?:nicht|keine?)(?!\p{L}).{0,40}?(?:arzt|ärzt\p{L}*)`,
        String.raw`(?<!\p{L})ne (?:constitue|remplace|saurait)\p{L}* (?:pas|en aucun cas|nullement)(?!\p{L}).{0,40}?(?<!\p{L})(?:conseil|consultation|avis)\p{L}*(?: (?:en|d['’]|de|du|d['’]un))?.{0,20}?(?:investissement|financ\p{L}*|juridique|médic\p{L}*|médecin|professionnel)`,
        String.raw`(?<!\p{L})no (?:constituye|representa|sustituye|reemplaza|debe (?:considerarse|interpretarse))(?!\p{L}).{0,40}?(?<!\p{L})(?:asesor(?:ía|amiento)|recomendaci[oó]n|consejo|consulta)(?!\p{L}).{0,30}?(?:financier\p{L}*|inversi[oó]n|legal|jur[ií]dic\p{L}*|m[eé]dic\p{L}*|profesional)`,
        String.raw`(?<!\p{L})não (?:constitui|representa|substitui)(?!\p{L}).{0,40}?(?<!\p{L})(?:recomenda[cç][aã]o|aconselhamento|consultoria|consulta|orienta[cç][aã]o)(?!\p{L}).{0,30}?(?:financeir\p{L}*|investimento|jur[ií]dic\p{L}*|m[eé]dic\p{L}*|profissional)`,
        String.raw`(?<!\p{L})non (?:sostitui\p{L}*|costitui\p{L}*|rappresent\p{L}*)(?!\p{L}).{0,40}?(?:parere (?:del|di un) medico|consulenz\p{L}* (?:finanziari\p{L}*|legal\p{L}*|medic\p{L}*|fiscal\p{L}*)|consigli\p{L}* (?:di investimento|finanziari\p{L}*|medic\p{L}*)|sollecitazione all['’]investimento|raccomandazion\p{L}* (?:di investimento|d['’]acquisto))`,
        String.raw`(?<!\p{L})(?:is|vormt|geldt als) geen (?:beleggingsadvies|financieel advies|juridisch advies|medisch advies|fiscaal advies)(?!\p{L})`,
        String.raw`(?<!\p{L})nie (?:stanowi|zastępuje)(?!\p{L}).{0,40}?(?:rekomendacj\p{L}* inwestycyjn\p{L}*|porad\p{L}* (?:prawn|inwestycyjn|medyczn|finansow|lekarsk)\p{L}*|konsultacj\p{L}* (?:z lekarzem|lekarsk\p{L}*))`,
        String.raw`yatırım tavsiyesi (?:değildir|niteliği taşımamaktadır)|yatırım danışmanlığı kapsamında değildir`,
        String.raw`(?<!\p{L})bukan (?:merupakan )?(?:ajakan|saran|rekomendasi|nasihat)(?!\p{L}).{0,30}?(?:investasi|membeli|menjual|keuangan|medis|hukum)`,
        String.raw`投資(?:助言|の勧誘|勧誘)(?:ではありません|ではない|を目的としたものではありません)|医師の診断に代わるものではありません`,
        String.raw`не является (?:\p{L}+ )?(?:инвестиционн|финансов|медицинск|юридическ)\p{L}* (?:рекомендаци|консультаци|совет)\p{L}*`
      ].join('|'),
      'iu'
    )
  ],
  // A notice that a machine or AI translated or wrote the text: `This article was machine-translated from the original
  // German …`, `… translated with the help of AI`, `Dieser Artikel wurde maschinell übersetzt`, `traduit (et mis en forme) automatiquement`.
  [
    /translat|generated|written|produced|created|drafted|prepared|summari|transcri/iu,
    new RegExp(
      [
        String.raw`\bmachine[- ]translated\b`,
        // (or transcribed: `This transcript was generated automatically by speech-recognition software …`, `Available
        // transcripts are automatically generated.`)
        String.raw`\b(?:transcripts?|transcriptions?|captions?|subtitles?)\b[^.]{0,30}?\b(?:(?:generated|produced|created|made) automatically|automatically (?:generated|produced|created|made))\b|\bautomatically (?:generated|transcribed) (?:transcript|transcription|captions?)\b|\bmachine-generated transcript\b`,
        String.raw`\b(?:translated|generated|written|produced|created|drafted|prepared|summari[sz]ed)\s+(?:\p{L}+\s+){0,3}?(?:with|by|using)\s+(?:the\s+)?(?:(?:help|assistance|aid|support)\s+of\s+)?(?:an?\s+)?(?:AI|artificial intelligence|machine translation|automated (?:tools?|translation)|generative AI|(?:AI|automated) tools?)\b`
      ].join('|'),
      'iu'
    ),
    true
  ],
  [
    /übersetzt|traduit|traducido|tradotto|traduzido|vertaald|přelo|przetłumacz|переведен|översatt|diterjemah|νοημοσύνης|μετάφρασ/iu,
    new RegExp(
      [
        String.raw`(?<!\p{L})(?:maschinell|automatisch) übersetzt|übersetzt\p{L}*.{0,30}?(?<!\p{L})(?:KI|künstliche\p{L}* intelligenz)(?!\p{L})`,
        // (Czech, Polish, Russian, Swedish: `Tento článek byl přeložen strojově pomocí umělé inteligence`, `przetłumaczony
        // maszynowo`, `переведена автоматически`, `maskinöversatt`)
        String.raw`(?<!\p{L})(?:(?:strojově|automaticky) přelo\p{L}*|přelo\p{L}* (?:strojově|automaticky|pomocí umělé inteligence)|(?:maszynowo|automatycznie) przetłumaczon\p{L}*|przetłumaczon\p{L}* (?:maszynowo|automatycznie|przy pomocy sztucznej inteligencji|przez AI)|переведен\p{L}* (?:автоматически|с помощью (?:ИИ|искусственного интеллекта|нейросети))|автоматически переведен\p{L}*|maskinöversatt\p{L}*|översatt med hjälp av (?:AI|artificiell intelligens))(?!\p{L})`,
        // (Indonesian and Malay: `Artikel ini diterjemahkan dari bahasa Inggris dengan bantuan kecerdasan buatan (AI)`)
        String.raw`(?<!\p{L})diterjemah\p{L}*(?!\p{L}).{0,60}?(?<!\p{L})(?:dengan bantuan|menggunakan|oleh|secara) (?:kecerdasan buatan|AI|mesin|otomatis)(?!\p{L})`,
        // (Greek: `Το κείμενο συντάχθηκε με τη βοήθεια εργαλείου τεχνητής νοημοσύνης …`, `μηχανική μετάφραση`)
        String.raw`με τη βοήθεια (?:\p{L}+ )?τεχνητής νοημοσύνης|μηχανικ\p{L}* μετάφρασ\p{L}*`,
        // (Dutch puts the adverb first: `Dit artikel is automatisch vertaald uit het Engels met behulp van AI`)
        String.raw`(?<!\p{L})(?:automatisch|machinaal) vertaald(?!\p{L})|(?<!\p{L})vertaald(?!\p{L}).{0,40}?met behulp van (?:AI|kunstmatige intelligentie)(?!\p{L})`,
        String.raw`(?<!\p{L})(?:traduit|traducido|tradotto|traduzido|vertaald)\p{L}*\s+(?:(?:et|y|e|en)\s+(?:mis en forme|formateado|formattato|formatado|opgemaakt)\s+)?(?:automatiquement|automáticamente|automaticamente|automatisch|(?:à l['’]aide|con (?:la )?ayuda|con l['’]aiuto|com (?:a )?ajuda|met behulp) (?:de |del |della |da |van )?(?:l['’]|la |een )?(?:IA|AI|KI|intelligen\p{L}+ artifici\p{L}+|kunstmatige intelligentie))`
      ].join('|'),
      'iu'
    )
  ],
  // A sponsor's notice: `This is a sponsored post.`, `This is a paid press release.`, `This article is paid for by …`, `This content was produced on behalf of
  // the advertiser.`
  [
    /sponsor|paid|partner|promotion|advertiser/iu,
    /^(?:this|the following)\b[^.]{0,60}?\b(?:(?:sponsored|paid|partner(?:ed)?|promotional) (?:post|content|article|feature|story|partnership|(?:press )?release|advertorial|announcement|supplement)|(?:paid for|sponsored|funded|commissioned) by)\b|\b(?:produced|written|created|prepared) (?:on behalf of|for|in (?:paid )?partnership with) (?:the |an? |our )?(?:advertiser|sponsor|client)\b|^(?:sponsored(?: content| post| article| feature)?|paid (?:content|post|partnership)|partner content)\s*[:|–—-]\s*(?:this|the following)\b[^.]{0,60}?\b(?:produced|written|created|prepared|brought to you|paid for|funded)\b/iu,
    true
  ],
  // A sponsor's notice in other languages (`Tämä artikkeli on toteutettu kaupallisessa yhteistyössä …`, `Artykuł sponsorowany`,
  // `Contenido patrocinado`, `Gesponserter Beitrag`), and a notice that AI wrote or summarised it (`Este resumo foi gerado
  // com recurso a inteligência artificial …`, `généré avec l'aide de l'IA`).
  [
    /yhteistyö|sponsor|patrocinad|annons|betalt|bezahlt|ücretli|reklam|gerad|generad|génér|generat|generiert|erstellt|elaborad|redactad|escrit|producid|cread|rédig|réalis|scritt|realizzat|verfasst|produziert|produzid/iu,
    new RegExp(
      [
        String.raw`(?<!\p{L})(?:kaupallisessa yhteistyössä|kaupallinen yhteistyö|annonssamarbete|annonsørinnhold|betalt samarbejde|(?:artykuł|materiał) sponsorowany|materiał partnera|contenuto sponsorizzato|publirreportaje|contenido patrocinado|conteúdo patrocinado|contenu sponsorisé|publireportage|gesponserte[rn]? (?:inhalt|beitrag)|bezahlte (?:partnerschaft|kooperation)|ücretli içerik|reklam içeriği)(?!\p{L})`,
        // (or made with AI's help and revised: `Este artículo fue elaborado con apoyo de herramientas de inteligencia artificial y revisado …`)
        String.raw`(?<!\p{L})(?:gerad[oa]|generad[oa]|générée?|generat[oa]|generiert|erstellt|elaborad[oa]|redactad[oa]|escrit[oa]|producid[oa]|cread[oa]|rédigée?|réalisée?|scritt[oa]|realizzat[oa]|verfasst|produziert|produzid[oa])(?!\p{L}).{0,30}?(?:com recurso a|com (?:a )?ajuda d[ea]|con (?:la )?ayuda de|con (?:el )?apoyo de|com (?:o )?apoio d[ea]|avec le soutien d['’e]|con il supporto d[ie]|mediante|avec l['’]aide de|par|con l['’]aiuto del?l?['’]?|dall['’]|mit (?:hilfe|unterstützung) (?:von|einer)|durch|por|pela|por meio de)\s*(?:la |una |uma |a |l['’])?(?:(?:herramientas|ferramentas|outils|strumenti|werkzeugen|tools) (?:de |d['’]|di |der |von )?(?:la |l['’])?)?(?:intelig[êe]ncia artificial|intelligence artificielle|intelligenza artificiale|künstliche\p{L}* intelligenz|IA|KI)(?!\p{L})`
      ].join('|'),
      'iu'
    )
  ],
  // A sponsor's note in Portuguese, Spanish, French, Italian and German (`Este conteúdo é patrocinado pela …`, `Este contenido
  // está patrocinado por …`, `Ce contenu est sponsorisé par …`, `Questo contenuto è sponsorizzato da …`, `Dieser Inhalt wird
  // präsentiert von …`).
  [
    /patrocinad|sponsoris|präsentiert|gesponsert/iu,
    /^(?:este|esta|ce|cet|cette|questo|questa|dieser|diese|dieses)\s+(?:conteúdo|contenido|contenu|contenuto|artigo|artículo|article|articolo|inhalt|artikel|beitrag)\s+(?:é|es|está|est|è|wird|ist)\s+(?:\p{L}+\s+)?(?:patrocinad[oa]|sponsorisée?|sponsorizzat[oa]|präsentiert|gesponsert)(?!\p{L})/iu
  ],
  // Hungarian and Thai not-advice notes (`… nem minősül befektetési tanácsadásnak`, `… ไม่สามารถใช้แทนการวินิจฉัยหรือคำแนะนำจากแพทย์ได้`),
  // Scandinavian advertisers' articles (`Denne artikkelen er en annonse fra …`), and machine translation in Urdu, Persian and
  // Arabic (`… مشینی ترجمے کی مدد سے …`, `ترجمه ماشینی`, `ترجمة آلية`).
  [
    /tanács|ajánlás|แพทย์|เท่านั้น|annons|annonce|مشینی|ماشینی|آلي/iu,
    /(?<!\p{L})nem minősül\s+(?:\p{L}+\s+)?(?:befektetési|pénzügyi|jogi|orvosi)\s+(?:tanácsadásnak|ajánlásnak|tanácsnak)|ไม่สามารถใช้แทน(?:การวินิจฉัย|คำแนะนำ|การรักษา).{0,30}แพทย์|(?<!\p{L})(?:denne artikkelen|denne artikel|denna artikel|artikkelen|artiklen|artikeln|denne saken) (?:er|är) (?:en )?(?:annonse|annonce|annons)(?!\p{L})|مشینی ترجم|ترجمه(?:‌ی)? ماشینی|(?:ال)?ترجمة (?:ال)?آلية|مترجم(?:ة)? آلي(?:ا|اً)/iu
  ],
  // A Nordic note that AI helped write or gather the text (`Kvällens urval har sammanställts av redaktionen med stöd av
  // AI-verktyg.`, `… med hjælp af kunstig intelligens`, `… tekoälyn avulla`).
  [
    /AI|kunstig|artificiell|tekoäly/iu,
    /(?<!\p{L})(?:med (?:stöd|hjälp|hjælp|hjelp) (?:av|af)|ved hjælp af|ved hjelp av)\s+(?:\p{L}+\s+){0,2}?(?:AI(?:-\p{L}+)?|artificiell intelligens|kunstig intelligens)(?!\p{L})|(?<!\p{L})tekoälyn (?:avulla|avustamana|tuottama)(?!\p{L})/iu
  ],
  // A Thai sponsor's note (`บทความนี้เป็นเนื้อหาที่ได้รับการสนับสนุน (Sponsored Content) จาก …`), and a Korean note that AI wrote,
  // transcribed or translated the text (`※ 이 기사의 텍스트는 AI가 영상 음성을 자동으로 변환한 뒤 기자가 검수했습니다.`).
  [
    /สนับสนุน|AI|인공지능|자동/u,
    /(?:บทความ|เนื้อหา)(?:นี้)?(?:เป็น)?(?:เนื้อหา|บทความ)?ที่?ได้รับการสนับสนุน|(?:AI|인공지능)(?:가|이|를|로|의)?\s?[^.。]{0,30}?(?:변환|작성|번역|생성|요약)(?:했|한|하였|됐|된|되었)|자동(?:으로)?\s?(?:번역|변환|생성)(?:했|한|하였|됐|된|되었)/u
  ],
  // Austrian and German guest comments: `Gastkommentare geben ausschließlich die Meinung der Autorin wieder und müssen sich
  // nicht mit jener der Redaktion decken.`
  [/meinung|redaktion/iu, /(?<!\p{L})geben ausschließlich die meinung de[rs] (?:autorin|autors|verfasser\p{L}*|gastautor\p{L}*) wieder|(?<!\p{L})(?:müssen|muss) sich nicht mit (?:der|jener) der redaktion decken/iu],
  [
    /autor|penulis|redaksi/iu,
    /\bwyraża(?:ją)? (?:wyłącznie |jedynie |tylko )?(?:poglądy|opinie|opinię) autor(?:a|ki|ów|ek)(?!\p{L})|\b(?:pendapat|opini) pribadi penulis\b|\btidak (?:selalu )?(?:mencerminkan|mewakili) (?:sikap|pandangan|kebijakan) redaksi\b/iu
  ]
]

/**
 * An English disclaimer speaks of the text or its author (`The views expressed
 * …`, `… in this article`, `… those of the author`); `The survey's views, its
 * authors cautioned, do not necessarily reflect those of …` in a report does not.
 * (The other languages' patterns name the author or the text themselves.)
 */
const aboutTheText =
  /\b(?:expressed|herein|this is an? (?:opinion|commentary) (?:column|piece|article)|presented solely|guest (?:columnists?|contributors?|writers?|authors?)|(?:this|the) (?:article|column|piece|op-ed|blog|post|commentary|story|publication|essay|letter|site|website|podcast|video)|(?:this|our) (?:page|guide|content|newsletter|report|review|information|material|briefing|update|summary|note|insight|alert|analysis|transcript|episode)|(?:these|the|our) show notes|(?:our|the) (?:editorial team|editors|newsroom)|(?:the )?information (?:on|in|provided|contained)|(?:of|by) (?:the|their) (?:authors?|writers?|contributors?|columnists?)|(?:authors?|writers?)[’']s? own|my own)\b|\b(?:our|this) site\b|\btranscripts? (?:are|is|was|were)\b|\b(?:I|we) may\b|[\p{L}.]+ is reader-supported|\b(?:sponsored|paid|promotional) (?:article|post|feature|story|(?:press )?release|advertorial|announcement|supplement)\b|\b(?:does|do) not (?:provide|give|offer|render) (?:any )?(?:personali[sz]ed )?(?:financial|investment|legal|medical|tax) advice\b/iu

const quoted = /[,.!?]["”»]\s[^"“”«»]{0,80}\b(?:said|says|told|added|wrote)\b|\b(?:said|says|told)\b[^.]{0,40}[:,]\s*[“"«]/u

/** Words that may stand inside an outlet's name (`Crónica de Levante`). */
const name = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*(?:\s+(?:[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*|of|and|&|de|del|da|do|di|du|des)){0,5}`
const outletPatterns: ReadonlyArray<RegExp> = [
  // “… the editorial policies of TRT World.”, “… the views of The Conversation.”
  new RegExp(String.raw`\b(?:editorial (?:polic(?:y|ies)|stance|line|position|views?)|views?|position|opinions?) of (?:the )?(${name})`, 'u'),
  // “… strictly personal and not of The Lagos Sentinel.”
  new RegExp(String.raw`\bpersonal and not (?:those |that )?of (?:the )?(${name})`, 'u'),
  // “… reflect Anadolu’s editorial policy”, “… Al Jazeera’s editorial stance”
  new RegExp(String.raw`(${name})[’']s? editorial\b`, 'u'),
  // “Disclaimer: As submitted to the Valley Sentinel.”
  new RegExp(String.raw`\bsubmitted to (?:the )?(${name})`, 'u'),
  // “… la línea editorial de Diario del Norte”, “… sikap redaksi Harian Nusantara”
  new RegExp(String.raw`\b(?:línea editorial|linha editorial|linea editoriale|posición|opinión) d(?:e|el|a|o|i|ella) (?:la |el )?(${name})|\b(?:sikap|kebijakan|pandangan) redaksi (${name})`, 'u')
]

/**
 * Find the disclaimer: a paragraph that starts with `Disclaimer:` (or another
 * label of one) or says, outside quotation marks, that the views expressed do
 * not necessarily reflect someone else's or are the author's own, that links
 * earn a commission, that the text is no financial, medical or legal advice,
 * that a machine or AI translated or wrote it, or that a sponsor paid for it
 * (a leading `*` is allowed). The last such paragraph becomes `disclaimer`
 * (without its label) and leaves the body. When it names an outlet, that name is
 * kept in `file.data.disclaimerOutlet` for `extractSource`.
 */
export default function extractDisclaimer() {
  return function (tree: Root, file: VFile): undefined {
    file.data.disclaimerOutlet = field<string | null>(null)
    // (a cookie banner is no prose of the article: `Questo sito utilizza cookie …` under the disclaimer)
    const prose = tree.children.flatMap((node, index) => {
      const value = plainText(node)?.value ?? ''
      return isProse(value) && !isCookieBanner(value) ? [index] : []
    })
    // (the third paragraph of prose: a standfirst may come first; or the last, when there are fewer)
    const thirdProse = prose[2] ?? prose.at(-1) ?? -1
    // A labelled paragraph that says none of what a disclaimer says (`Disclosure: X is owned by Y …`) is taken only when
    // no paragraph above it does (`Disclaimer: … does not constitute financial advice.`).
    let fallback: {index: number; text: Text; labelled: RegExpExecArray} | undefined
    let found: {index: number; text: Text; labelled: RegExpExecArray | null} | undefined
    for (let index = tree.children.length - 1; index >= 0; index--) {
      const text = plainText(tree.children[index])
      if (!text || text.value.length > 800) continue
      const labelled = label.exec(text.value)
      // Unlabelled, a disclaimer stands near the start or the end (among the first paragraphs, or up to the page's
      // third paragraph of prose, however much furniture comes before; among the last paragraphs, or with at most two
      // paragraphs of prose after it however much furniture comes between: a pitch for submissions or the author's bio
      // reads as prose), not among the article's paragraphs.
      const edge = index < 4 || index <= thirdProse || index >= tree.children.length - 6 || proseAfter(prose, index) <= 2
      // (what it says in quotation marks is someone else's words: `Many add a line such as "If you buy through my links
      // I may earn a commission"`, `la frase «Testo tradotto automaticamente …»`)
      if (!labelled && !(edge && disclaims(unquoted(text.value)))) continue
      // … and is no one's quoted statement (`"The views expressed … do not necessarily reflect …," the editor said`).
      if (!labelled && quoted.test(text.value)) continue
      // A comment section's notice (`Comments posted here are the views of the commenters …`) is not about the article.
      if (/\b(?:comments posted|commenters|comments? (?:are|is) (?:the )?(?:views|opinions|responsibility))\b/i.test(text.value)) continue
      // (a site's liability note is none: `Disclaimer: GhanaBeat.com is not responsible for the content of external sources.`)
      if (labelled && /\bnot (?:be )?(?:held )?(?:responsible|liable) for\b.{0,80}\b(?:content|contents|links?|(?:web)?sites?|press releases?|comments?|sources?)\b/iu.test(text.value)) continue
      if (labelled && !disclaims(unquoted(text.value.slice(labelled[0].length)))) {
        if (/[\p{L}\p{N}]/u.test(text.value.slice(labelled[0].length))) fallback ??= {index, text, labelled}
        continue
      }
      found = {index, text, labelled}
      break
    }
    found ??= fallback
    if (found) {
      const {index, text, labelled} = found
      // (a short label of another name goes too: `Important: This guide …`, `Hinweis: Dieser Artikel …`)
      const other = labelled ? null : shortLabel.exec(text.value)
      let from = labelled ? labelled[0].length : other && disclaims(text.value.slice(other[0].length)) ? other[0].length : /^[*\s]*/u.exec(text.value)![0].length
      let to = text.value.length - /[*\s]*$/u.exec(text.value)![0].length
      // In a copyright line, only the sentence that disclaims (`© 2022 Bellwether Wire. Bellwether Wire does not provide
      // investment advice. All rights reserved.`); the line stays, for the source and the boilerplate.
      const rights = !labelled && /^(?:©|\(c\)|copyright\b)/iu.test(text.value) ? sentenceThatDisclaims(text.value, file.data.meta?.lang?.value ?? 'en') : undefined
      if (rights) {
        setField(file, 'disclaimer', field<string | null>(text.value.slice(rights.start, rights.end), [cite(file, 'disclaimer', textSpan(text, rights.start, rights.end))]))
        file.data.disclaimerOutlet = outletOf(file, text, rights.start, rights.end)
        return undefined
      }
      // (a note in brackets is given without them: `(This story has not been edited …)`)
      if (text.value[from] === '(' && text.value[to - 1] === ')' && !text.value.slice(from + 1, to - 1).includes(')')) [from, to] = [from + 1, to - 1]
      if (to > from) {
        setField(file, 'disclaimer', field<string | null>(text.value.slice(from, to), [cite(file, 'disclaimer', textSpan(text, from, to))]))
        file.data.disclaimerOutlet = outletOf(file, text, from, to)
        removeChild(file, tree, index, 'disclaimer')
        // (the same note printed again, above and below the headline: the copy goes too)
        for (let other = tree.children.length - 1; other >= 0; other--) {
          if (plainText(tree.children[other])?.value === text.value) removeChild(file, tree, other, 'disclaimer')
        }
      }
    }
    setField(file, 'disclaimer', field<string | null>(null))
    return undefined
  }
}

/** How many of the paragraphs of prose (`prose`, indexes in order) come after `index`. */
function proseAfter(prose: number[], index: number): number {
  let after = 0
  for (let at = prose.length - 1; at >= 0 && prose[at] > index && after <= 2; at--) after++
  return after
}

/** A text without what it quotes (`"…"`, `“…”`, `«…»`, `„…“`, `「…」`). */
function unquoted(value: string): string {
  return value.replace(/"[^"\n]{1,400}"|“[^”\n]{1,400}”|«[^»\n]{1,400}»|„[^“”\n]{1,400}[“”]|「[^」\n]{1,400}」/gu, ' ')
}

/** Where the first sentence of `value` that disclaims starts and ends (without its trailing space). */
function sentenceThatDisclaims(value: string, lang: string): {start: number; end: number} | undefined {
  let start = 0
  // (the sentences join back to the text, each with its trailing space)
  for (const sentence of splitSentences(value, lang)) {
    if (disclaims(sentence)) return {start, end: start + sentence.trimEnd().length}
    start += sentence.length
  }
  return undefined
}

/** Whether a text says what a disclaimer says (one of `patterns`). */
function disclaims(value: string): boolean {
  return patterns.some(([hint, pattern, english]) => hint.test(value) && pattern.test(value) && (!english || aboutTheText.test(value)))
}

function outletOf(file: VFile, text: Text, from: number, to: number) {
  const value = text.value.slice(0, to)
  for (const pattern of outletPatterns) {
    pattern.lastIndex = 0
    const match = pattern.exec(value)
    const group = match?.[1] ?? match?.[2]
    if (!match || !group || match.index < from) continue
    // Trim connecting words and a full stop that the name pattern may have taken.
    // (and a possessive: `the views of Coastline Living's editorial team`)
    let found = group.replace(/(?:\s+(?:of|and|&|de|del|da|do|di|du|des))+$/u, '').replace(/\.$/u, '').replace(/['’]s$/u, '')
    let start = match.index + match[0].indexOf(group)
    // (a short name given in full earlier in the note is cited in full: `part of The Riverton Sentinel’s Opinion section. … the position of the Sentinel’s editorial board`)
    const full = /^[\p{L}\p{N}]+$/u.test(found) ? fullNameBefore(value, from, start, found) : null
    if (full) [found, start] = full
    return field<string | null>(found, [cite(file, 'disclaimer-names-outlet', textSpan(text, start, start + found.length))])
  }
  return field<string | null>(null)
}

/**
 * The full name that ends with the one-word name `short` earlier in `value`
 * (between `from` and `before`): one to four capitalised words after a
 * lowercase word or starting with `The`, then `short` and no further
 * capitalised word (`The Riverton Sentinel’s`, `of Riverton Sentinel`).
 */
function fullNameBefore(value: string, from: number, before: number, short: string): [string, number] | null {
  const pattern = new RegExp(String.raw`(?:(?<=\p{Ll}\s)|\bThe\s+)(?:\p{Lu}[\p{L}\p{N}&'’-]*\s+){1,4}${short}(?![\p{L}\p{N}]|\s+\p{Lu})`, 'gu')
  for (const match of value.slice(0, before).matchAll(pattern)) {
    if (match.index >= from) return [match[0], match.index]
  }
  return null
}
