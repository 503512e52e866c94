/** Shapes of lines that several plugins recognise. */

/** A date written out (`14 Agustus 2024`, `Rabu, 14 Agustus 2024`, `March 11, 2025`, `Mar 4th, 2025`). */
export const writtenDate = /(?:^|\s)\d{1,2}\.?\s+\p{L}{3,}\.?,?\s+\d{4}(?:\s|$)|\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4}(?:\s|$)/u

/**
 * Where an English date starts that is run into the name before it, as a blog platform's card prints a byline
 * (`by Nadia Ferreira-LoweMarch 3rd, 2021`): after a small letter, before the month's name, its day and its year.
 */
export const gluedDate =
  /(?<=\p{Ll})(?=(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})/u

/** The start of a byline: a label, then a capitalized name (`By Ann Lee`, `Posted by A`, `Von A`, `Editorial by A`), or `Posted by:` and any user name (`Posted by: harbourwatcher`). */
export const bylineStart = /^(?:(?:[Bb]y|[Pp]osted by|[Ww]ritten by|[Ee]ditorial by|[Cc]olumn by|[Vv]on|[Dd]oor|[Gg]eschreven door|[Gg]eschrieben von|[Ee]scrito por|[Ss]critto da|[ÉéEe]crit par|[Rr]eport from|[Dd]itulis oleh|[Aa]v|[Aa]f|[Tt]ekst af|Por|Par|Oleh)\s+\p{Lu}|(?:[Pp]osted|[Ww]ritten) by:?\s+\S|(?:[Aa]uthors?|AUTHORS?|[Aa]utor(?:in|e)?|AUTOR(?:E)?|[Aa]uteur|[Pp]enulis|[Yy]azar)\s*:\s*\S)/u

/** A byline's one-word label in several languages (`By`, `Par`, `Von`, `Por`, `Door`, `Di`, `Av`, `Af`, `Oleh`), for regular expressions. */
export const shortBylineLabel = '(?:by|par|von|por|door|di|av|af|oleh)'

/** Characters of scripts written without spaces between words: Chinese and Japanese (`cjk`), Thai, Lao, Khmer and Burmese (`southeast`). */
export const unspaced = {
  cjk: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu,
  southeast: /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu
}

/**
 * Whether a name caught by a case-insensitive pattern is written as a name: it
 * starts with a capital (or a letter of a script without case, or a digit), its
 * first word has one inside (`iNews`, `derStandard`), or it is a web address
 * (`netzpolitik.org`). Under the `iu` flags `\p{Lu}` matches small letters too,
 * so such patterns ask this of what they caught (`the author`, `our partner site`
 * and `unserer Printausgabe` are no outlets).
 */
export function writtenAsName(value: string): boolean {
  return /^(?:[\p{Lu}\p{Lt}\p{Lo}\p{N}]|\p{Ll}+\p{Lu})/u.test(value) || isWebAddress(value)
}

/** A web address as an outlet's name (`netzpolitik.org`, `Suarakita.id`, `www.example.com`), for patterns to include. */
export const webAddress = String.raw`[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`
const webAddressAlone = new RegExp(`^${webAddress}$`, 'u')

/** Whether a name is a web address (see `webAddress`). */
export function isWebAddress(value: string): boolean {
  return webAddressAlone.test(value)
}

/**
 * Whether a line starts with a small letter of a script that has capitals (Latin, Cyrillic, Greek; Georgian has small
 * letters only): a sentence going on from the line before.
 */
export function startsSmall(value: string): boolean {
  return /^(?=[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}])\p{Ll}/u.test(value)
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

/**
 * A feed's footer under a copied post, up to the site's name (WordPress: `The post <title> appeared first on `, `La entrada
 * <title> se publicó primero en `), as a regular expression source.
 */
export const feedFooter = String.raw`(?:the post|la entrada|o post|l['’]articolo|der beitrag|l['’]article|het bericht)\s.{1,300}?\s(?:appeared first on|se publicó primero en|apareceu primeiro em|proviene da|erschien zuerst auf|est apparu en premier sur|verscheen eerst op)\s+`

/**
 * A teaser's link to the whole text elsewhere, up to the word before the outlet (`Read the full story at`, `Lire la
 * suite sur`, `Weiterlesen bei`). Written case by case: the outlet after it must keep its capital.
 */
export const continueOn = String.raw`(?:[Rr]ead (?:the )?(?:full|whole|complete|rest of the) (?:article|story|post|report|interview)|[Cc]ontinue reading(?: (?:the|this) (?:article|story))?|[Kk]eep reading|[Ll]ire la suite(?: de l['’]article)?|[Ll]ire l['’]article (?:complet|en entier)|[Ww]eiterlesen|[Ll]esen [Ss]ie (?:weiter|den ganzen [Aa]rtikel)|[Ll]eer (?:más|la nota completa|el artículo completo)|[Ll]eia (?:mais|a matéria completa|o artigo completo)|[Cc]ontinua (?:a leggere|la lettura)|[Ll]ees (?:verder|het hele artikel)|[Cc]zytaj (?:dalej|cały artykuł)|[Ll]eggi(?: l['’]articolo(?: completo)?| tutto)?)\s+(?:on|at|in|sur|dans|auf|bei|im|en|em|no|na|su|op|w)\s+(?!(?:[Oo]ur|[Mm]y|[Tt]his|[Tt]he (?:site|website|app|link))\b)`

/** The label of a blog's post footer in the languages Blogger writes it (`Posted by `, `Publicado por `, `Eingestellt von `). */
export const postedByLabel = /^(?:posted by|publicado por|postado por|publié par|pubblicato da|eingestellt von|geplaatst door|diposting oleh|opublikowany przez)\s+/iu
/**
 * A blog's post footer (Blogger): `Posted by ` the name (group 1), then ` at ` a time or date (`Posted by A at 9:14 PM`,
 * `Publicado por A en 18:40`).
 */
export const postFooterLine = new RegExp(`${postedByLabel.source}(.{1,60}?)\\s+(?:at|en|às|à|alle|um|op|di|o)\\s+(?=\\d)`, 'iu')
/** WordPress's post footer: `Posted by ` the name, then ` on ` a date (`Posted by A on October 11, 2022 in Reviews`). */
export const postedOnLine = /^posted by\s+.{1,60}?\s+on\s+(?=\p{L}{3,}\.?\s+\d|\d)/iu

/**
 * A blog post's meta line, its date then its author, as WordPress themes print it over or under the post (`Posted on
 * March 2, 2021 by A`, `Publié le 12 avril 2021 par A`, `Publicado el 3 de mayo de 2020 por A`, `Veröffentlicht am
 * 4. Mai 2021 von A`): group 1 is the label, group 2 the date; the names follow the match.
 */
export const postedOnBy = /^((?:posted|published) on:?|publié le|publicado (?:el|em)|pubblicato il|veröffentlicht am|gepubliceerd op)\s+(.{6,40}?)\s+(?:by|par|por|da|von|door)\s+(?=\S)/iu

/** Where the date stands in a blog post's meta line (`postedOnBy`), if the line is one. */
export function postedOnDate(value: string): {start: number; end: number} | undefined {
  const match = postedOnBy.exec(value)
  if (!match) return undefined
  const start = match[0].indexOf(match[2], match[1].length)
  return {start, end: start + match[2].length}
}

/** The extension of a picture's file name (`.jpg`, `.webp`), for regular expressions. */
export const pictureExtension = String.raw`\.(?:jpe?g|png|gif|webp|avif|bmp)`

/** A picture's size, ending its alternative text (`Platshållarbild i formatet 922 x 935 pixlar`). */
export const pictureSize = /(?<!\p{Nd})\p{Nd}{2,5}\s?[x×]\s?\p{Nd}{2,5}\s?(?:px|pixels?|pixlar|pixel|piksel[ie]?|pikseli)$/iu

/**
 * “All rights reserved” in the languages docprov reads, as a regular expression source (Korean: “no reproduction or
 * redistribution”).
 */
export const rightsReserved = String.raw`(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|alle rechten voorbehouden|hak cipta terpelihara|hak cipta dilindungi(?: undang-undang)?|wszelkie prawa zastrzeżone|všechna práva vyhrazena|všetky práva vyhradené|sva prava (?:pridržana|zadržana|zaštićena)|сва права задржана|vse pravice pridržane|minden jog fenntartva|toate drepturile rezervate|всички права запазени|все права защищены|всі права захищені|усі права захищено|усі права захищені|всі права захищено|visos teisės saugomos|visas tiesības aizsargātas|kõik õigused kaitstud|kaikki oikeudet pidätetään|alla rättigheter förbehållna|alle rettigheder forbeholdes|alle rettigheter reservert|tüm hakları saklıdır|με επιφύλαξη παντός δικαιώματος|bản quyền thuộc về [^.]{1,60}|riproduzione riservata|derechos reservados|direitos reservados|droits réservés|جميع الحقوق محفوظة|सर्वाधिकार सुरक्षित|版权所有|版權所有|무단\s?전재\s?및\s?재배포\s?금지|جملہ حقوق محفوظ(?: ہیں)?|haki zote zimehifadhiwa)`

/** Where a news agency's credit in Chinese, Japanese or Korean names its agency and reporters (offsets in the line). */
export interface CjkCredit {
  agency?: {start: number; end: number}
  names: Array<{start: number; end: number}>
}

/**
 * A reporter's credit as Chinese, Taiwanese, Korean and Japanese news write it, opening the lead or alone on a line:
 * an agency's dateline with its reporters (`华讯社上海1月1日电(记者陈晓岚、吴立恒)`), a Taiwanese paper's bracket
 * (`〔記者林秀娟/台中報導〕`), a Korean agency's (`(서울=한빛뉴스) 김도현 기자 =`), a Japanese line that ends with the
 * reporter (`文・写真　木村早苗記者`).
 */
export function cjkCredit(value: string): CjkCredit | undefined {
  const spans = (text: string, from: number, separator: RegExp): Array<{start: number; end: number}> => {
    const result: Array<{start: number; end: number}> = []
    let at = from
    for (const part of text.split(separator)) {
      const start = value.indexOf(part, at)
      if (part.length > 0) result.push({start, end: start + part.length})
      at = start + part.length
    }
    return result
  }
  // (the reporters in brackets, or none: `华讯社杭州1月1日电 题：…`)
  const chinese = /^(\p{Script=Han}{2,6}社)\p{Script=Han}{0,6}\d{1,2}月\d{1,2}日[电電](?:\s*[（(](?:记者|記者)\s*(\p{Script=Han}{2,4}(?:[、，,]\s*\p{Script=Han}{2,4}){0,4})[）)])?/u.exec(value)
  if (chinese) {
    return {agency: {start: 0, end: chinese[1].length}, names: chinese[2] === undefined ? [] : spans(chinese[2], chinese[0].indexOf(chinese[2], chinese[1].length), /[、，,]\s*/u)}
  }
  // An agency's reporters on a line of their own, spaces between the names (`华讯社记者 郑晓岚 吴启明`).
  const reporters = /^(\p{Script=Han}{2,6}社)?(?:记者|記者)\s+(\p{Script=Han}{2,4}(?:\s+\p{Script=Han}{2,4}){0,4})$/u.exec(value)
  if (reporters) {
    return {...(reporters[1] ? {agency: {start: 0, end: reporters[1].length}} : {}), names: spans(reporters[2], reporters[0].indexOf(reporters[2], (reporters[1] ?? '').length), /\s+/u)}
  }
  const taiwanese = /^[〔［[]\s*(?:记者|記者)\s*(\p{Script=Han}{2,4}(?:[、，,]\p{Script=Han}{2,4}){0,3})\s*[／/]\s*\p{Script=Han}{2,8}(?:报导|報導|报道|報道)\s*[〕］\]]/u.exec(value)
  if (taiwanese) return {names: spans(taiwanese[1], taiwanese[0].indexOf(taiwanese[1]), /[、，,]/u)}
  const korean = /^[(（]\p{Script=Hangul}{1,6}\s*=\s*([\p{L}\p{N}]{2,12})[)）]\s*(\p{Script=Hangul}{2,4})\s?기자\s*=/u.exec(value)
  if (korean) {
    const agency = korean[0].indexOf(korean[1])
    const name = korean[0].indexOf(korean[2], agency + korean[1].length)
    return {agency: {start: agency, end: agency + korean[1].length}, names: [{start: name, end: name + korean[2].length}]}
  }
  // A Japanese reporter's name alone in brackets, family and given names apart (`（佐伯 由紀子）`: no place is written so).
  const bracketed = /^[（(](\p{Script=Han}{1,3}[ 　]\p{Script=Han}{1,3})[）)]$/u.exec(value)
  if (bracketed) return {names: [{start: 1, end: 1 + bracketed[1].length}]}
  const japanese = value.length <= 20 ? /^(?:(?:文|写真|取材)(?:[・･/／](?:文|写真|取材))*[\s　]*)?(\p{Script=Han}{2,5})[\s　]?記者$/u.exec(value) : null
  if (japanese) {
    const start = japanese[0].lastIndexOf(japanese[1])
    return {names: [{start, end: start + japanese[1].length}]}
  }
  return undefined
}

/** Names of sections a site's menu and a kicker use (`Opinion`, `Politik`, `Actualités`, `Новости`). */
export const sections = new Set(
  'opinion analysis comment commentary editorial politics world business economy markets sport sports culture arts science technology tech health environment climate features feature news explainer interview review reviews lifestyle europe asia africa americas middle east international national local education travel media society metro perspectives op-ed meinung kommentar politik wirtschaft kultur opinión tribuna internacional economía cultura politique société monde économie tribune idées obituaries obituary letters weather crime courts cricket football rugby tennis motorsport entertainment property money food opini ekonomi olahraga nasional ειδήσεις πολιτική οικονομία αθλητικά πολιτισμός κοινωνία κόσμος υγεία τεχνολογία απόψεις terkini daerah teknologi internasional hiburan otomotif hukum kesehatan pendidikan wisata gospodarka kraj świat inrikes utrikes debatt gündem spor dünya политика экономика общество культура спорт felietony felieton opinie publicystyka ledare leder kronikk økonomi indland udland innenriks utenriks opinions uutiset kotimaa ulkomaat talous urheilu kulttuuri mielipide pääkirjoitus nyheter nyheder nieuws binnenland buitenland nachrichten actualités actualité noticias sucesos deportes sociedad notícias notizie cronaca wiadomości aktualności zprávy domácí zahraničí haberler berita новости новини'.split(' ')
)

/** Words of a site's menu besides its sections (`Home`, `About`, `Contact`, `Podcasts`, `Donate`). */
const menuWords = new Set(
  (
    'home about contact contacts recipes profile friends contributors donate subscribe subscription events people research podcasts podcast videos video multimedia puzzles games crossword classifieds obits jobs careers shop store newsletters newsletter archive archives columns columnists blogs blog exhibits festivals interviews listen live watch radio tv traffic community diaspora edition editions e-paper epaper photos gallery galleries search login faq help team staff publications programmes programs projects membership advertise investigations longreads magazine books film music' +
    // (and the home page and sections of menus in scripts without capitals: Thai, Arabic, Hebrew, Chinese, Japanese, Korean, Hindi)
    ' หน้าแรก ข่าว กีฬา บันเทิง การเมือง เศรษฐกิจ ต่างประเทศ ภูมิภาค สังคม ไลฟ์สไตล์ เทคโนโลยี สุขภาพ วิดีโอ ติดต่อเรา' +
    ' الرئيسية أخبار رياضة اقتصاد سياسة ثقافة منوعات فيديو مقالات' +
    ' ראשי חדשות ספורט כלכלה תרבות דעות' +
    ' 首页 首頁 新闻 新聞 体育 體育 财经 財經 娱乐 娛樂 科技 国际 國際 社会 社會 军事 评论 評論 观点 觀點 资讯 資訊' +
    ' 登录 登錄 注册 註冊 视频 視頻 图片 圖片 地方 生活 文化 健康 教育 汽车 房产' +
    ' ホーム トップ ニュース スポーツ 経済 国際 社会 政治 エンタメ 地域 地域経済 ライフ グルメ ランキング ログイン 会員登録 新規登録 マイページ 特集 動画 写真 天気 まちづくり 暮らし' +
    ' 홈 뉴스 정치 경제 사회 국제 스포츠 연예 문화 오피니언 로그인 회원가입 전체기사 지역 포토 영상' +
    ' होम देश विदेश खेल मनोरंजन राजनीति बिज़नेस'
  ).split(' ')
)

/** Menu entries of two or three words (`About us`, `Recent Entries`). */
const menuPhrases = new Set(['about us', 'contact us', 'support us', 'newsletter archive', 'press room', 'pressroom', 'newsroom', 'press releases', 'sala de prensa', 'salle de presse', 'sala stampa', 'basın odası', 'recent entries', 'recent posts', 'our team', 'our work', 'who we are', 'get involved', 'sign in', 'log in'])

/** Tags or a slug glued into one word of 25 lower-case letters or more, with hyphens (`fact-checkweathermisinformationphoto-verification`). */
export const gluedRun = /^(?=.{25,}$)\p{Ll}+(?:-\p{Ll}+)*$/u

/** Hours from and to, as an event gives them (`7:00 PM - 8:30 PM`, `18.00–20.00`, `2:00 PM to 8:00 PM`, `10.00 bis 12.00`). */
export const eventHours = /(?<!\d)\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[-–—]\s*|\s+(?:to|until|till|bis|à|a|tot|do)\s+)\d{1,2}[:.]\d{2}(?!\d)/iu

/** A site's own pages in its menu, never a section (`Home`, `Contact`, `Donate`, `Sign in`). */
const servicePages = new Set(['home', 'about', 'about us', 'contact', 'contacts', 'contact us', 'donate', 'support us', 'subscribe', 'login', 'log in', 'sign in', 'search', 'faq', 'help', 'advertise', 'e-edition', 'e-paper', 'epaper', 'digital edition', 'print edition'])

/** Whether a line names one of a site's own pages in its menu (`Contact`, `About us`), which no kicker is. */
export function isServicePage(value: string): boolean {
  return servicePages.has(value.trim().toLowerCase())
}

/** Whether a line is one entry of a site's menu: a menu word or section's name (`Home`, `Blog`, `Recipes`), or `About us`. */
export function isMenuEntry(value: string): boolean {
  const folded = value.trim().toLowerCase()
  return folded.length > 0 && folded.length <= 30 && (menuWords.has(folded) || sections.has(folded) || menuPhrases.has(folded))
}

/**
 * Whether a line is a site's menu run into one line: three to ten items, each one capitalized word (or `&`, `+`), half
 * of them at least sections or menu words (`News Politics Opinion Culture Puzzles`, `Home About Opinions Media
 * Contact`, `Government + Politics Education Environment Commentary`; of eleven to twenty-four items, a third and four at
 * least: `Home Page News Opinion Foreign Policy … Archives Classifieds`), or words in a script without capitals (`หน้าแรก
 * ข่าว กีฬา บันเทิง`, `首页 新闻 体育 财经`); or, in the raw text, items of three words at
 * most kept apart by two spaces or a tab (`News  Politics  Opinion`), which a normalized line no longer shows.
 */
export function isMenuLine(value: string, raw: string): boolean {
  const words = value.split(' ')
  if (words.length >= 3 && words.length <= 24 && words.every((word) => /^\p{Lu}[\p{L}’'-]*$|^\p{Lo}[\p{L}\p{M}]*$|^[&+]$/u.test(word))) {
    const named = words.filter((word) => /\p{L}/u.test(word))
    const known = named.filter((word) => sections.has(word.toLowerCase()) || menuWords.has(word.toLowerCase())).length
    if (words.length <= 10 ? known >= 2 && known * 2 >= named.length : known >= 4 && known * 3 >= named.length) return true
  }
  const items = raw.trim().split(/ {2,}|\t+/u)
  return items.length >= 3 && items.every((item) => /^\p{Lu}/u.test(item) && item.split(' ').length <= 3 && !/[.!?:,;]$/u.test(item))
}

/** A banner that asks for consent (`… By continuing you agree …`, `… Accept`, `… our cookie policy`), in several languages, or its buttons. */
export const cookieBanner =
  /^(?:accept(?: all)?(?: cookies)?(?: and close)?|manage (?:preferences|cookies|consent)|reject all(?: cookies)?|(?:accept|reject) (?:additional|optional|analytics|non-essential) cookies|view cookies|cookie (?:settings|preferences|consent)|cookies on (?:this|our) (?:[\p{L}-]+ )?(?:site|website|service)|we value your privacy|your privacy (?:choices|settings)|privacy (?:settings|preferences)|godkänn(?: alla)?|acceptera(?: alla)?|alle akzeptieren|tout accepter|aceptar (?:todo|todas)|accetta tutti|aceitar todos|alles accepteren|akceptuj wszystkie|hyväksy kaikki|(?:we(?: and our (?:\d+ )?(?:partners|vendors))? (?:use|store) (?:some )?(?:(?:essential|necessary|strictly necessary) )?cookies (?:to|and similar|for|and other)\b|this (?:website|site) uses cookies(?: to\b|\.))(?=.*\b(?:accept|agree|consent|policy|settings|preferences|continu\w*|learn more|privacy|analytics cookies|additional cookies|personalis\w*|personaliz\w*)\b).{0,200}|(?:vi använder (?:kakor|cookies)|vi bruger cookies|vi bruker (?:informasjonskapsler|cookies)|wir verwenden cookies|diese (?:website|webseite|seite) (?:verwendet|nutzt) cookies|nous utilisons des cookies|ce site utilise des cookies|utilizamos cookies|usamos cookies|este (?:sitio|site)(?: web)? (?:utiliza|usa) cookies|utilizziamo (?:i )?cookie|questo sito (?:utilizza|usa) (?:i )?cookie|wij gebruiken cookies|deze (?:website|site) gebruikt cookies|używamy (?:plików )?cookies|käytämme evästeitä)(?![\p{L}]).{0,220}|(?:.{1,60}\s)?(?:používá|používáme|používa|používame|használ\p{L}*|folose\p{L}*|използва\p{L}*|koristi\p{L}*|uporablja\p{L}*|использует|используем|використову\p{L}*|χρησιμοποι\p{L}*|sử dụng|menggunakan|naudoja|izmanto|kasutab|kasutame)\s(?:(?:soubory|súbory|файлы|файли|fișiere|datoteke)\s)?(?:cookies?|cookie-uri|sütiket|kolačiće|piškotke|бисквитки|куки)(?![\p{L}]).{0,200}|(?:.{1,60}\s)?çerez\p{L}*\s(?:.{0,30}\s)?kullan\p{L}*.{0,200})$/iu

/** Whether a paragraph is a cookie banner (at most 240 characters, as `cookieBanner` reads them). */
export function isCookieBanner(value: string): boolean {
  return value.length <= 240 && cookieBanner.test(value)
}

/** The words that ask a reader to subscribe, in several languages (`Subscribe to`, `Abonnez-vous`, `Suscríbete`, `Jetzt abonnieren`). */
export const subscribeWords = String.raw`(?:subscribe (?:now|today|to)|abonnez-vous|abonne-toi|suscr[ií]bete|assine (?:já|agora|o|a)|iscriviti|abbonati|abonnieren sie|jetzt abonnieren|abonneer (?:nu|je)|prenumerera|tilaa nyt|subskrybuj|zaprenumeruj)(?!\p{L})`

/** A tag's or category's index page label near the top (`Tag Archives: farm economy`, `Posts tagged …`): a listing's, never a headline. */
export const listingLabel =
  /^(?:displaying items by tag|items tagged|posts? tagged|articles? tagged|stories tagged|tag archives?|category archives?|archives? for|all (?:articles|posts|stories) (?:tagged|in|about)|showing (?:results|articles|posts) for|search results for)\b/iu
