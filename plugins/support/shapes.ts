/** Shapes of lines that several plugins recognise. */

/** A date written out (`14 Agustus 2024`, `Rabu, 14 Agustus 2024`, `March 11, 2025`, `Mar 4th, 2025`). */
export const writtenDate = /(?:^|\s)\d{1,2}\.?\s+\p{L}{3,}\.?,?\s+\d{4}(?:\s|$)|\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4}(?:\s|$)/u

/** The start of a byline: a label, then a capitalized name (`By Ann Lee`, `Posted by A`, `Von A`, `Editorial by A`), or `Posted by:` and any user name (`Posted by: harbourwatcher`). */
export const bylineStart = /^(?:(?:[Bb]y|[Pp]osted by|[Ww]ritten by|[Ee]ditorial by|[Cc]olumn by|[Vv]on|[Dd]oor|[Gg]eschreven door|[Gg]eschrieben von|[Ee]scrito por|[Ss]critto da|[ÉéEe]crit par|[Rr]eport from|[Dd]itulis oleh|[Aa]v|[Aa]f|[Tt]ekst af|Por|Par|Oleh)\s+\p{Lu}|(?:[Pp]osted|[Ww]ritten) by:?\s+\S|(?:[Aa]uthors?|AUTHORS?|[Aa]utor(?:in|e)?|AUTOR(?:E)?|[Aa]uteur|[Pp]enulis|[Yy]azar)\s*:\s*\S)/u

/** Characters of scripts written without spaces between words: Chinese and Japanese (`cjk`), Thai, Lao, Khmer and Burmese (`southeast`). */
const unspaced = {
  cjk: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu,
  southeast: /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu
}

/**
 * The words of a line: split on spaces, or in a script without them two characters to a word in Chinese and
 * Japanese (`深圳暴雨致多条地铁线路停运` has seven) and four in Thai, Lao, Khmer and Burmese, whose letters spell
 * syllables (`ภูมิภาค`, a section's name, has two).
 */
export function wordCount(value: string): number {
  const spaced = value.split(' ').length
  const cjk = value.match(unspaced.cjk)?.length ?? 0
  const southeast = value.match(unspaced.southeast)?.length ?? 0
  const estimated = Math.ceil(cjk / 2 + southeast / 4)
  return cjk + southeast >= 4 ? Math.max(spaced, estimated) : spaced
}

/** Words that end an outlet's name (`Puerto Vallarta News`, `The Grand Valley Voice`, `Kieler Zeitung`). */
export const outletEnd =
  /(?<!\p{L})(?:news|times|post|courier|gazette|herald|tribune|journal|chronicle|ledger|standard|mercury|observer|daily|weekly|press|record|star|sun|mail|express|telegraph|guardian|independent|examiner|sentinel|dispatch|bulletin|register|reporter|monitor|inquirer|globe|leader|advocate|citizen|echo|voice|zeitung|tagblatt|anzeiger|rundschau|kurier|nachrichten|dagblad|krant|avis|tidning|tidende|posten|haber|news24)$/iu

/** Words of a Chinese article's meta line (`字号+作者:记者 来源:东方新闻网 2013-03-04 13:51 评论(0) 收藏`): source, author, editor, font size, views, comments. */
export const cjkMetaWord = /来源|來源|作者|责任编辑|責任編輯|编辑|編輯|字号|字號|浏览|瀏覽|阅读|閱讀|点击|點擊|评论|評論|收藏|出处|出處/gu

/** Whether a short line is a Chinese article's meta line: two of its words at least. */
export function isCjkMetaLine(value: string): boolean {
  return value.length <= 120 && (value.match(cjkMetaWord)?.length ?? 0) >= 2
}

/** A blog's post footer (Blogger): `Posted by ` the name (group 1), then ` at ` a time or date (`Posted by A at 9:14 PM`). */
export const postFooterLine = /^posted by\s+(.{1,60}?)\s+at\s+(?=\d)/iu

/** The extension of a picture's file name (`.jpg`, `.webp`), for regular expressions. */
export const pictureExtension = String.raw`\.(?:jpe?g|png|gif|webp|avif|bmp)`

/** A picture's size, ending its alternative text (`Platshållarbild i formatet 922 x 935 pixlar`). */
export const pictureSize = /(?<!\p{Nd})\p{Nd}{2,5}\s?[x×]\s?\p{Nd}{2,5}\s?(?:px|pixels?|pixlar|pixel|piksel[ie]?|pikseli)$/iu

/**
 * “All rights reserved” in the languages docprov reads, as a regular expression source (Korean: “no reproduction or
 * redistribution”).
 */
export const rightsReserved = String.raw`(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|alle rechten voorbehouden|hak cipta terpelihara|hak cipta dilindungi(?: undang-undang)?|wszelkie prawa zastrzeżone|všechna práva vyhrazena|všetky práva vyhradené|sva prava (?:pridržana|zadržana|zaštićena)|сва права задржана|vse pravice pridržane|minden jog fenntartva|toate drepturile rezervate|всички права запазени|все права защищены|всі права захищені|visos teisės saugomos|visas tiesības aizsargātas|kõik õigused kaitstud|kaikki oikeudet pidätetään|alla rättigheter förbehållna|alle rettigheder forbeholdes|alle rettigheter reservert|tüm hakları saklıdır|με επιφύλαξη παντός δικαιώματος|bản quyền thuộc về [^.]{1,60}|무단\s?전재\s?및\s?재배포\s?금지)`
