/** Plugin: remove paragraphs that are not the article (pitches, share lines, ads…). */
import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {plainText, removeChild} from './support/evidence.js'
import {cjkMetaWord, continueOn, cookieBanner, feedFooter, gluedRun, isCookieBanner, isMenuLine, pictureExtension, pictureSize, postFooterLine, rightsReserved, subscribeWords} from './support/shapes.js'
import {isProse, menuItem} from './support/zones.js'

/** A boilerplate rule: a whole paragraph that matches `test` is removed for `reason`. */
export interface BoilerplateRule {
  reason: string
  test: RegExp
  /** Longer paragraphs are never removed by this rule (a real paragraph is worth more). */
  maxLength: number
  /**
   * Where the rule applies: `top` is the first ten paragraphs, `head` before the first paragraph of prose, `edges` before
   * the first or after the last paragraph of prose, `end` the last paragraph of prose and after (default: anywhere). The
   * last paragraph of prose is that of the article as removals from the end leave it (a pitch removed there is no prose).
   */
  zone?: 'top' | 'head' | 'edges' | 'end'
  /** Test only the paragraph's last this many characters (for a rule about how a paragraph ends). */
  tail?: number
  /** A cheap check that must pass before `test` is tried (a word `test` cannot match without). */
  hint?: RegExp
  /** The rule applies only when at most this many paragraphs match it (more are content, such as a table of numbers). */
  rare?: number
}

/** Options of `stripBoilerplate`. */
export interface Options {
  /** Extra rules, tried after the built-in ones. */
  rules?: ReadonlyArray<BoilerplateRule>
}

const emptyOptions: Options = {}

const navigationItem =
  'connect with us|skip to (?:main )?content|go to (?:main )?contents?(?: go to navigation)?|go to navigation|början på sidans innehåll|gå till (?:huvud)?innehåll(?:et)?|hopp til (?:hoved)?innhold(?:et)?|gå til (?:hoved)?indhold(?:et)?|search this blog|search (?:the|this) (?:site|website)|buscar en el sitio|rechercher sur le site|auf der seite suchen|cerca nel sito|pesquisar no site|zoeken op de site|pesquisar (?:neste|este) blogu?e?|buscar (?:en )?este blog|rechercher dans ce blog|diesen blog durchsuchen|cerca (?:nel|in questo) blog|cari blog ini|zoeken in (?:deze|dit) blog|szukaj (?:na|w) tym blogu|sök i den här bloggen|søg i denne blog|hae tästä blogista|bu blogda ara|tìm kiếm blog này|skip to navigation|toggle navigation|main menu|menu|home|search|sign in|log ?in|register|tip[aă]re[sș]te|trimite pe (?:e-?)?mail|imprimer|drucken|imprimir|stampa|afdrukken|reset (?:your )?password|forgot (?:your )?password\??|subscribe|subscribe (?:now |today )?for (?:just |only )?[$€£]\s?\d+(?:[.,]\d+)?(?:\s?(?:a|per|/)\s?(?:month|week|year|mo|wk))?|close|open menu|back to top|latest news|breaking news|trending(?: (?:now|tags|topics))?|(?:light|dark)_mode|watch live|live tv|listen to this article|print|open in app|get started|sign up|contact us|about us|aller au contenu(?: principal)?|zum inhalt springen|zur navigation springen|(?:öppna|stäng) sök|sök|open search|close search|søk|suche|rechercher|buscar|zoeken|szukaj|haku|skip to (?:the )?(?:menu|navigation|search|footer)|hoppa till (?:meny(?:n)?|sök(?:ning)?|navigering(?:en)?)|gå til (?:meny(?:en)?|søk)|aller au menu|ir al menú|siirry valikkoon|startseite|ir al contenido(?: principal)?|inicio|ir para o conteúdo(?: principal)?|(?:salta|passa) al contenuto(?: principale)?|naar de (?:hoofd)?inhoud|hoppa till (?:huvud)?innehåll(?:et)?|przejdź do (?:główn(?:ej|ych|ego) )?(?:treści|menu|nawigacji|wyszukiwarki)(?: głównej)?|přejít k (?:obsahu|hlavnímu menu|navigaci)|перейти к (?:содержанию|основному содержанию|меню)|(?:siirry|hyppää) (?:sisältöön|pääsisältöön)|içeriğe geç|(?:ページの先頭です。?\\s*)?(?:(?:メイン)?メニューを(?:飛ばして|とばして)[、,]?(?:このページの)?)?本文(?:エリア)?へ(?:移動)?|본문 바로가기|跳(?:到|至)(?:主要)?(?:內容|内容|正文)|this (?:page|article) was printed from(?: .{1,80})?|accueil|article réservé aux abonnés|font size(?: .{0,40})?|save (?:this )?(?:article|story)(?: to (?:your )?reading list| for later)?'
/** Words for `share` on a button, in more languages than `shareVerb`. */
const shareWords =
  '(?:share|κοινοποίηση|κοινοποιήστε|distribuie|podijeli|podeli|deli|сподели|поділитися|поделиться|shiriki|tuma|kongsi|i-share(?: ito)?|dalintis|dalīties|jaga|deila|del|dela|del på|zdieľať|sdílet|megosztás|partajează|comparteix|compartir|compartilhar|partilhar|condividi|teilen|partager|delen|udostępnij|paylaş|bagikan|chia sẻ|แชร์|اشتراک‌گذاری|اشتراک گذاری|مشاركة|শেয়ার করুন|शेयर करें)'
const shareVerb = '(?:share|partager|teilen|compartir|condividi|partilhar|delen|dela|udostępnij|podziel się|paylaş|bagikan|поделиться)'
/** A bulleted share or follow line (`• Share on Facebook`). */
const bulletedShare = new RegExp(`^[•▪►]\\s+(?:${shareVerb}|follow)(?!\\p{L})`, 'iu')
const social = '(?:facebook|twitter|x|linkedin|whatsapp|telegram|instagram|reddit|pinterest|email|e-mail|print|copy link|messenger|zalo|line|kakaotalk|viber|weibo|wechat|tweet|tuitear|pin it|одноклассники|вконтакте|vk|ok|微信|微博|qq空间|واتساب|व्हाट्सऐप|व्हाट्सएप)'

/** The built-in rules, each phrased to match a whole paragraph only. */
export const builtinRules: ReadonlyArray<BoilerplateRule> = [
  {
    reason: 'submissions-pitch',
    test: /^(?:we (?:welcome|invite|accept|encourage)|interested in (?:writing|contributing))\b.{0,160}\b(?:pitch(?:es)?|submissions?|contributions?|op-?eds?)\b/iu,
    maxLength: 320,
    zone: 'edges'
  },
  {
    reason: 'submissions-pitch',
    // (news and tips only with where to send them: `Send your news stories to newsdesk@… and via WhatsApp on …`)
    test: /^(?:send|submit|email) (?:us )?(?:your )?(?:(?:pitch(?:es)?|submissions?|op-?eds?)\b|(?:news(?: stories| tips)?|stories|story ideas|tips|press releases)\b(?=.{0,200}(?:@|\bwhatsapp\b|\bto us\b)))/iu,
    maxLength: 240,
    zone: 'edges'
  },
  {reason: 'advertisement', test: /^(?:advertisement|advertising|sponsored(?: content)?|ad|anzeige|annons|annonse|annonce|reklama|reklame|reklam|реклама|publicité|publicidad|pubblicità|publicidade|advertentie|mainos|hirdetés|oglas|quảng cáo|广告|廣告|광고|إعلان|اعلان|विज्ञापन|διαφήμιση|διαφημιση|publicitate|publicitat|reklaam|reklāma|auglýsing|iklan|patalastas|tangazo|פרסומת|تبلیغات|اشتہار|বিজ্ঞাপন|โฆษณา)$/iu, maxLength: 40},
  // `Advertisement - Continue Reading Below`, `Story continues below advertisement`, `Artikel wird unterhalb der Anzeige fortgesetzt`
  {
    reason: 'advertisement',
    test: /^(?:advertisement\s*[-–—]\s*(?:continue reading|story continues) below|(?:the )?(?:story|article) continues (?:below|after (?:this )?(?:ad|advertisement))(?: (?:this )?(?:ad|advertisement))?|artikel (?:wird|geht) (?:unterhalb|nach|unter) der anzeige (?:fortgesetzt|weiter))$/iu,
    maxLength: 60
  },
  {
    reason: 'share-line',
    test: new RegExp(`^(?:share(?: this(?: (?:article|story|post|page))?| the (?:article|story|post|page))?|share on ${social})\\s*:?$`, 'iu'),
    maxLength: 60,
    zone: 'edges'
  },
  {reason: 'social-links', test: new RegExp(`^${social}(?:[\\s|·•,/]+${social}){1,10}$`, 'iu'), maxLength: 160},
  // `Share on Facebook Share on Twitter Share via Email`
  {reason: 'share-line', test: new RegExp(`^(?:share (?:on|via|by) ${social}[\\s|·•,/]*){2,10}$`, 'iu'), maxLength: 200},
  // A gallery's counter and prompts: `Image 1 of 5`, `Click to enlarge`.
  {reason: 'gallery', test: /^(?:(?:image|photo|picture|slide)\s+\d{1,3}\s+(?:of|\/)\s+\d{1,3}|(?:click|tap) (?:to|for) (?:enlarge|expand|zoom|full[- ]?screen)|view (?:the )?(?:full )?(?:gallery|slideshow))$/iu, maxLength: 40},
  {reason: 'read-time', test: /^\d{1,3}\s*(?:min|mins|minutes?)\s+read$/iu, maxLength: 30},
  // A live-score widget over the article (`LIVE: Kumasi Lions 1-0 Tema Mariners 67'`, `EN VIVO | Boca 2-1 River`).
  {reason: 'live-score', test: /^(?:live|en vivo|en directo|en direct|ao vivo|in diretta|live-ticker)\s*[:|–-]\s*\S.{0,40}?\s\p{Nd}{1,2}\s?[-–:]\s?\p{Nd}{1,2}(?:\s.{0,40})?$/iu, maxLength: 100, zone: 'head'},
  // `Temps de lecture : 2 min.`, `Tempo di lettura: 4 minuti`, `Lesezeit: 3 Min.`
  {
    reason: 'read-time',
    test: /^(?:(?:estimated )?reading time|read time|(?:temps|durée) de lecture|tempo di lettura|tiempo (?:estimado )?de lectura|tempo de leitura|lesezeit|leestijd)\s*:?\s*(?:\d{1,3}|un|une|uno|um|eine?)\s*(?:min(?:ute)?s?|minuti|minutos|minuten|minuut)\.?$/iu,
    maxLength: 50
  },
  // Reading time in more languages (`閱讀時間 約6分鐘`, `Χρόνος ανάγνωσης: 2 λεπτά`, `Czas czytania: 4 min`, `Lästid: 2 min`).
  {
    reason: 'read-time',
    test: /^(?:閱讀時間|阅读时间|読了時間|χρόνος ανάγνωσης|czas czytania|doba čtení|lästid|læsetid|lesetid|lukuaika|okuma süresi|waktu baca|время чтения|час читання)\s*[:：]?\s*(?:約|约|およそ)?\s*\d{1,3}\s*(?:分鐘|分钟|分|λεπτά|λεπτό|min\.?|minut[ay]?|minuter|minutter|minuuttia|dakika|menit|мин\.?|минуты?|минут|хв\.?|хвилини?|хвилин)$/iu,
    maxLength: 40
  },
  // A prompt to follow the outlet on Google News (`Follow Bangla Morning Post on Google News`, `Ακολουθήστε τον … στο Google News`).
  {
    reason: 'follow-prompt',
    test: /^(?:follow|ακολουθήστε|folgen sie|suivez|siga|segui|síguenos|volg|obserwuj|sledujte|theo dõi|takip edin|ikuti)(?!\p{L}).{0,60}google news\.?$/iu,
    maxLength: 100
  },
  // Audio and page controls: `Listen to this article`, `Copy link` and text size in other languages.
  {
    reason: 'page-controls',
    test: /^(?:listen to (?:this )?(?:article|story)|escuchar (?:el )?artículo|écouter l['’]article|ouvir (?:o )?artigo|ascolta l['’]articolo|artikel anhören|複製連結|复制链接|リンクをコピー|링크 복사|kopírovat odkaz|link kopieren|copier le lien|copiar (?:el )?enlace|tekststørrelse|textstorlek|textgröße|schriftgröße|taille du texte|tamaño del texto|글씨크기|글자크기|字級|字体大小|文字サイズ)$/iu,
    maxLength: 40
  },
  // The controls under a republished article (`Republish this article`, `Read the original article.`).
  {reason: 'republished-notice', test: /^(?:republish this article|read the original article\.?)$/iu, maxLength: 40, zone: 'edges'},
  // A shop's button on a review (`Check price at Amazon.ae`, `View deal at Noon`).
  {reason: 'shop-button', test: /^(?:check|see|view|compare) (?:the )?(?:price|prices|deal|deals) (?:at|on) \S.{0,30}$/iu, maxLength: 50},
  // A newsletter's pitch without the word (`Get the day's top local stories straight to your inbox every morning.`,
  // `Join 18,000 readers who get our monthly money newsletter.`, `Sign me up`).
  {
    reason: 'newsletter-prompt',
    test: /^(?:(?:get|have|receive)\b.{0,80}\b(?:straight |delivered )?(?:to|in) your inbox\b.{0,40}|join (?:[\d,.]+|over [\d,.]+|more than [\d,.]+) (?:other )?(?:readers|subscribers)\b.{0,100}|(?:yes, )?sign me up!?)$/iu,
    maxLength: 160
  },
  {reason: 'copyright', test: /^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}\b|all rights reserved)/iu, maxLength: 200},
  // A share button or line in more languages: `Κοινοποίηση`, `Distribuie pe Facebook`, `Podijeli na Facebooku`, `Deli na
  // Twitterju`, `Shiriki: Facebook | Twitter | WhatsApp`, `Tuma kwa WhatsApp`, `שתפו בפייסבוק`, `ফেসবুকে শেয়ার করুন`; a print
  // button may follow: `Del på Facebook   Print siden`.
  {
    reason: 'share-line',
    test: new RegExp(
      `^(?:(?:${shareWords})(?:\\s+(?:this (?:article|story|post)|artikel ini|ito|makala hii|članak|článok|článek|artikkel(?:en)?|artikeln?|straipsn\\p{L}*))?(?:\\s*:?\\s*(?:(?:na|kwa|pe|på|a|en|op|on|auf|sur|su|в|у|ב|در|پر|के)\\s+)?(?:${social}|facebook\\p{L}*|twitter\\p{L}*|whatsapp\\p{L}*|linkedin\\p{L}*)(?:\\s*[|·•,/]\\s*(?:${social}))*)?|(?:${social}|ফেসবুকে|فیس بک)\\s+(?:পর\\s+)?(?:শেয়ার করুন|پر شیئر کریں|شیئر کریں)|שתפו ב\\p{L}+|העתיקו קישור|kopiraj poveznicu|kopírovať odkaz|kopiuj link|copiar enlace|copia link|copier le lien|link kopieren)(?:\\s+(?:print|udskriv|skriv ut|tulosta|drucken|imprimer|imprimir|stampa)(?:\\s+(?:siden|sidan|this page|the page|artiklen|artikeln|artikkelen))?)?\\s*:?$`,
      'iu'
    ),
    maxLength: 60,
    zone: 'edges'
  },
  // A teaser for another article after `Read also:` in more languages (`Διαβάστε επίσης: …`, `Citește și: …`, `Lue myös: …`).
  {
    reason: 'related-link',
    test: /^(?:διαβάστε (?:επίσης|ακόμα)|citește și|lue myös|se også|læs også|les også|läs också|basahin din|soma pia|pročitajte (?:još|i|također)|preberite (?:še|tudi)|още по темата|আরও পড়ুন|مزید پڑھیں|بیشتر بخوانید|بخوانید|อ่านเพิ่มเติม|taip pat skaitykite|loe ka|lestu einnig|llegiu també|llegeix també|přečtěte si (?:také|též)|prečítajte si (?:aj|tiež)|olvassa el|lasiet arī|baca juga|ebaca|עוד ב[\p{L}\s]{1,30})\s*[:：]\s*\S.{4,150}(?<![.!?])$/iu,
    maxLength: 180
  },
  // A comment count in more languages: `Comentarii (37)`, `Maoni (4)`, `Ý kiến bạn đọc (12)`, `टिप्पणियां (9)`, `12 תגובות`,
  // `5 Komento`, `0 comentaris`.
  {
    reason: 'engagement-count',
    test: /^(?:(?:ý kiến bạn đọc|bình luận|टिप्पणियां|टिप्पणियाँ|댓글|コメント|评论|評論|التعليقات|تعليقات|comentarii|komentari|komentarai|kommentaarid|kommentit|kommentarer|maoni|komento|komen|hozzászólások|σχόλια|коментари|коментарі|תגובות|نظرات|تبصرے|মন্তব্য|ความคิดเห็น|comentaris)\s*\(\d{1,5}\)|\d{1,5}\s+(?:comentarii|komentari|komentarai|kommentaarid|kommentit|kommentarer|maoni|komento|komen|hozzászólás|σχόλια|коментари|коментарів|תגובות|نظر|تبصرے|মন্তব্য|ความคิดเห็น|comentaris|comentari))$/iu,
    maxLength: 40,
    zone: 'edges'
  },
  // A date's label with no date after it, as a theme prints it for a post without one (`Published on`, `Updated on -
  // Updated on`, `Posted on`), over the article.
  {reason: 'date-label', test: /^(?:published|updated|posted|last updated|modified)(?: on)?(?:\s*[-–|]\s*(?:published|updated|posted|last updated|modified)(?: on)?)*\s*:?$/iu, maxLength: 60, zone: 'top'},
  // A blog's subscription link (`Subscribe to our blog`), or to the newsletter by its name (`Subscribe to Notes from the Garden Gate`).
  {reason: 'newsletter-prompt', test: /^subscribe to (?:our|my|this) blog$/iu, maxLength: 30, zone: 'edges'},
  // (`Subscribe to the Daily Reading by email`)
  {reason: 'newsletter-prompt', test: /^[Ss]ubscribe to (?:the )?(?:\p{Lu}[\p{L}\p{N}'’&-]*)(?: [\p{L}\p{N}'’&-]+){0,7}$/u, maxLength: 70, zone: 'edges'},
  // A pitch to subscribe that exclaims, maybe after a line of its own (`La curiosité ne prend pas de vacances ! Abonnez-vous à Feuilles !`).
  {
    reason: 'newsletter-prompt',
    test: new RegExp(String.raw`^(?:[^.!?]{3,80}[.!?]\s+)?${subscribeWords}[^.!?]{0,60}!$`, 'iu'),
    maxLength: 160,
    zone: 'edges'
  },
  // A newsletter pitch in more languages (`Abonează-te la newsletter`, `Tilaa uutiskirje …`, `Prijavite se na naš bilten`).
  {
    reason: 'newsletter-prompt',
    test: /^(?:abonează-te|abonati-va|tilaa|prijavite se|prenumeruokite|telli|skráðu þig|langgan|jiunge|הצטרפו|הירשמו|feliratkozás|iratkozzon fel|odoberajte|přihlaste se|zapisz się|tilmeld dig|meld deg på|registrer deg|suscríbete|subscriu-te|iscriviti|assine|abonneer je|prenumerera)(?!\p{L}).{0,40}(?<!\p{L})(?:newsletter\p{L}*|nyhetsbrev\p{L}*|nyhedsbrev\p{L}*|uutiskirje\p{L}*|bilten\p{L}*|naujienlaišk\p{L}*|uudiskiri\p{L}*|póstlist\p{L}*|buletin\p{L}*|jarida\p{L}*|ניוזלטר|hírlevél\p{L}*|zpravodaj\p{L}*|butlletí|boletín)(?!\p{L}).{0,80}$/iu,
    maxLength: 140,
    zone: 'edges'
  },
  // A rights notice that opens with its words before the owner (`Hak Cipta Terpelihara © 2024 …`, `Haki zote zimehifadhiwa ©
  // 2019 …`, `جملہ حقوق محفوظ ہیں © …`, `স্বত্ব © ২০২২ …`).
  {reason: 'copyright', test: /^(?:hak cipta(?: terpelihara| dilindungi(?: undang-undang)?)?|haki zote zimehifadhiwa|جملہ حقوق محفوظ ہیں|স্বত্ব|সর্বস্বত্ব সংরক্ষিত|كل الحقوق محفوظة|جميع الحقوق محفوظة)\s*©.{1,120}$/iu, maxLength: 160, zone: 'edges'},
  // Footer links in any language: short items between bars, one a word for privacy, cookies or terms (`Personvern |
  // Informasjonskapsler | Kontakt oss`, `Impressum | Uvjeti korištenja | Kolačići`, `אודות | תנאי שימוש | מדיניות פרטיות`).
  {
    reason: 'footer-links',
    test: /^(?=.*(?:privacy|privacidad|privacidade|privadesa|privatezza|datenschutz|impressum|personvern|informasjonskapsler|privatlivs|kolačić|piškotk|galetes|ochrana osobných údajov|ochrana soukromí|adatvédelem|süti|confidențialitate|prywatnoś|privātum|privatumo|privaatsus|persónuvernd|tietosuoja|integritet|gizlilik|çerez|конфиденциальност|конфіденційн|поверителност|פרטיות|תנאי שימוש|حریم خصوصی|رازداری|গোপনীয়তা|ความเป็นส่วนตัว|privasi|faragha|cookies?|terms|uvjeti korištenja|avís legal|aviso legal))(?:[^|]{1,40}\s\|\s){1,7}[^|]{1,40}$/iu,
    maxLength: 200,
    zone: 'edges'
  },
  // A page's feedback widget (`Is this page useful?`, `Was this article helpful?`, `Report a problem with this page`).
  {
    reason: 'page-controls',
    test: /^(?:is this (?:page|article|information) (?:useful|helpful)\??|was this (?:page|article|information) (?:useful|helpful)\??|did you find this (?:page|article|information) (?:useful|helpful)\??|report a problem with this page)$/iu,
    maxLength: 60,
    zone: 'edges'
  },
  // A newsletter form's field (`Enter your email`, `Your email address`, `Type your email…`).
  {reason: 'newsletter-prompt', test: /^(?:(?:enter|type) your e-?mail(?: address)?|your e-?mail(?: address)?|e-?mail address)\s*(?:…|\.\.\.)?\*?$/iu, maxLength: 40, zone: 'edges'},
  // A short line that starts with the sign is a copyright line whatever follows (`© La Gazette du Val`, `Copyright © Harbour Daily.`).
  {reason: 'copyright', test: /^(?:(?:[Cc]opyright|COPYRIGHT)\s+)?(?:©\s*(?:\d{4}\b|\p{Lu})|\([cC]\)\s*\d{4}\b).{0,100}$/u, maxLength: 120},
  // The owner first, outside the article (`Tiszahír © 2019 Minden jog fenntartva.`, `Soundhaven is a registered trademark.
  // © 2022 Soundhaven Media, Inc.`, `EcoPulse Gulf © 2022. All Rights Reserved.`).
  {reason: 'copyright', test: /^[^©\n]{1,80}©\s*\d{4}\b[^©\n]{0,80}$/u, maxLength: 160, zone: 'edges'},
  {
    reason: 'copyright',
    test: new RegExp(String.raw`^(?:${rightsReserved}|riproduzione riservata)\.?$`, 'iu'),
    maxLength: 40,
    zone: 'edges'
  },
  {reason: 'republished-notice', test: /^this (?:article|story|piece) (?:is|was) (?:republished|reprinted|syndicated) from .{1,80}$/iu, maxLength: 240},
  {
    reason: 'newsletter-prompt',
    // Imperative (`Sign up for our newsletter`), not reporting (`Sign up rates for the newsletter doubled`).
    // (not a sentence that quotes one: `… ended with "sign up for our newsletter"`)
    test: /^(?!.*[“"‘']\s*(?:sign up|subscribe))\(?(?:(?:click here to )?(?:sign up|subscribe)(?:\s+(?:for|to|now|here|today)\b|\s*[:!]).{0,120}\bnewsletters?\b[^.!?]{0,80}[.!?)]?\)?(?:\s+you can unsubscribe at any time\.?)?$|.{0,120}\b(?:sign up for|subscribe to) our (?:[\p{L}-]+ ){0,3}newsletters?\b.{0,20}$)/iu,
    maxLength: 200,
    hint: /newsletter/iu
  },
  {
    reason: 'navigation',
    // One item, or several run together as crawled (`Skip to main contentSkip to main content`).
    test: new RegExp(`^(?:${navigationItem})(?:\\s*[|·•]?\\s*(?:${navigationItem}))*$`, 'iu'),
    maxLength: 80,
    zone: 'top'
  },
  {reason: 'follow-prompt', test: /^follow$/iu, maxLength: 10, zone: 'edges'},
  {reason: 'share-line', test: new RegExp(`^(?:compartir|partager|teilen|condividi|partilhar|delen|dela|udostępnij|podziel się|paylaş|bagikan|поделиться)(?: (?:en|sur|auf|su|no|op|på|na|в) ${social})?\\s*:?$`, 'iu'), maxLength: 40},
  {reason: 'share-line', test: new RegExp(`^share (?:via|by|on) ${social}$`, 'iu'), maxLength: 40},
  // `Partager sur Twitter Partager sur Facebook Partager par mail Partager le lien`
  {reason: 'share-line', test: new RegExp(`^(?:${shareVerb}\\s+(?:(?:on|via|by|sur|par|auf|per|en|su|no|op|le|la|el|il|o|the)\\s+)?(?:${social}|mail|lien|link|enlace)[\\s|·•,/]*){2,10}$`, 'iu'), maxLength: 200},
  // `Partager l’article sur les réseaux sociaux :`
  {reason: 'share-line', test: new RegExp(`^${shareVerb}(?!\\p{L}).{0,40}(?<!\\p{L})(?:réseaux sociaux|social media|sozialen netzwerken|redes sociales|social network|sociala medier|sociale media|mediach społecznościowych|sosyal medya|media sosial|социальных сетях)\\s*:?$`, 'iu'), maxLength: 80},
  // `Lire aussi | Le titre d’un autre article`, `Read more: …`, `Lesen Sie auch: …`: a teaser for another article.
  {
    reason: 'related-link',
    test: /^(?:lire aussi|à lire aussi|lesen sie auch|leia também|leggi anche|lees ook|lea también|read more|related|see also|also read|baca(?: juga)?|читайте также|читайте також|läs också|läs mer|czytaj (?:więcej|też|także)|ilgili haber|İLGİLİ HABER|devamını oku|lee también|xem thêm|đọc thêm|اقرأ أيض(?:اً?|ًا)|यह भी पढ़ें|ये भी पढ़ें|相关阅读|相關閱讀|延伸阅读|延伸閱讀|관련기사|関連記事)\s*[:|：]\s*\S.{4,150}(?<![.!?])$|^(?:read|watch|listen|look)\s+\|\s+\S.{4,150}$/iu,
    maxLength: 180,
    // What follows is a headline: a capital, digit or quote (case-sensitive), not a sentence.
    hint: /[:|：]\s*[\p{Lu}\p{Lo}\p{N}"“'‘«]/u
  },
  // A link to another article given bare (`READ: https://…`).
  {reason: 'related-link', test: /^(?:read|see|watch|also read|read more)\s*:\s*https?:\/\/\S+$/iu, maxLength: 300},
  {reason: 'share-line', test: new RegExp(`^(?:(?:kindly |please )?share this (?:story|article|post)\\s*:?|click to share on ${social}(?: \\(opens in new window\\))?|dela (?:artikeln|artikel)|kopiera länk|udostępnij(?: artykuł)?|haberi paylaş|bagikan(?: artikel)?\\s*:?|поделиться|поділитися|jaa|tulosta|sdílet|tisk|tisknout|vytisknout|drukuj|udostępnij|yazdır|chia sẻ|in bài viết|partilhe|stampa|imprimir|imprimer|drucken|skriv ut|print this (?:article|story|page|post)|printable version|e-?mail this(?: (?:article|story|page))?(?: to a friend)?(?: printable version)?|share (?:obituary|this (?:obituary|page))|compartilhe|compartilhar(?: (?:notícia|matéria|artigo))?|deel dit (?:bericht|artikel)|poslat e-?mailem|twittern|اشتراک‌گذاری|مشاركة|شارك|версія для друку|версия для печати|이 기사를 공유합니다|공유하기|分享|分享到|シェア|印刷ページ表示)\s*:?$`, 'iu'), maxLength: 60},
  // Pitches for the outlet's channels, app and alerts.
  {
    reason: 'channel-pitch',
    // A call to follow the outlet's channel for its news (`Follow the Deccan Ledger channel on WhatsApp for the latest news`), not reporting about one.
    // (after a short cry: `Never miss a story! Follow The Ledger on WhatsApp for live updates …`)
    test: /^(?:[^.!?]{1,40}!\s+)?(?:follow|join|subscribe to|gabung|ikuti|dapatkan|підписуйтесь|подписывайтесь|abone ol|dołącz|obserwuj)\b(?=.{0,160}(?:\b(?:channel|kanal|канал|group|grup)(?!\p{L})|\bon (?:whatsapp|telegram)\b))(?=.{0,160}(?:\b(?:news|updates|alerts|latest|breaking|berita|haber|wiadomości|kami)\b|новин|новост|наш))(?!.*\b(?:told|said|says)\b).{0,200}$/iu,
    maxLength: 240,
    hint: /whatsapp|telegram/iu
  },
  // A short follow line for the outlet's channel (`Follow Coastline channel on WhatsApp`, `Join our Telegram channel`).
  {reason: 'channel-pitch', test: /^(?:follow (?:the |our )?\S.{0,40}? channel on (?:whatsapp|telegram)|join (?:the |our )?(?:\S.{0,40}? )?(?:whatsapp|telegram) (?:channel|group))$/iu, maxLength: 80},
  {reason: 'app-pitch', test: /^(?:download|get|install) (?:the|our) .{0,50}\bapp\b (?:for|to get|to stay updated with|to stay informed (?:with|about|on)) (?:breaking news|the latest|latest news|news alerts|alerts|live (?:scores|updates|coverage))\b[^,]{0,60}[.!]?$|^sign up for (?:push|breaking news) (?:alerts|notifications)\b.{0,160}$|^download our app (?:and|to) read\b.{0,120}$/iu, maxLength: 180},
  // Paywalls: `This article is only available to subscribers`, `Keep reading with a 7-day free trial`, `Subscribe to X to keep reading`.
  {
    reason: 'paywall',
    test: /^(?:this (?:article|story|content|post) is (?:only )?(?:available|reserved) (?:to|for) (?:paying )?(?:subscribers|members)\b.{0,160}|keep reading with a \d+-day free trial|subscribe to .{1,60} to (?:keep|continue) reading\b.{0,160}|thanks for reading .{1,60}! subscribe\b.{0,120})$/iu,
    maxLength: 260
  },
  // A metered paywall's count (`You have 2 free articles remaining this month. Subscribe for unlimited access.`, `You've read 3 of
  // 5 free articles`, `This is your last free article`, `Il vous reste 2 articles gratuits`, `Le quedan 3 artículos gratis`).
  {
    reason: 'paywall',
    test: /^(?:you (?:have|['’]ve got) (?:\d+|one|two|three|four|five) (?:more )?free (?:articles?|stories|reads)(?: left| remaining)?\b|you['’]ve (?:read|used) (?:\d+|all) (?:of (?:your )?(?:\d+ )?)?free (?:articles?|stories)\b|this is your (?:last|final) free (?:article|story)\b|il vous reste (?:\d+|un|une) articles? gratuits?\b|(?:le|te) quedan? (?:\d+|un) artículos? (?:gratis|gratuitos?)\b|sie haben noch (?:\d+|einen) kostenlose\p{L}* artikel\b).{0,160}$/iu,
    maxLength: 240
  },
  // A Korean rights line (`<저작권자 © 한빛경제, 무단전재 및 재배포 금지>`).
  {reason: 'copyright', test: /^<?저작권자\s*(?:©|ⓒ|\(c\)).{0,80}$/u, maxLength: 100},
  // Who answers for the paper in law, at a page's foot (`Ansvarig utgivare: Peter Holm`, `V.i.S.d.P.: …`).
  {reason: 'imprint', test: /^(?:ansvarig utgivare|ansvarshavende redaktør|ansvarlig redaktør|vastaava päätoimittaja|v\.?\s?i\.?\s?s\.?\s?d\.?\s?p\.?|verantwortlich (?:für den inhalt|i\.\s?s\.\s?d\.\s?p\.))\s*:.{1,60}$/iu, maxLength: 90, zone: 'edges'},
  // A reader-funding pitch (`Support independent journalism in English about Sweden. Get unlimited access …`, `Nile Current is
  // funded by its readers. Donate today.`).
  {reason: 'donation-pitch', test: /^(?:support (?:independent|quality|local|our) journalism\b.{0,200}|.{1,60}\bis (?:funded|supported) by (?:its|our) readers\.?(?:\s+(?:donate|support us)(?: today| now)?\.?)?)$/iu, maxLength: 260},
  // A comment section's moderation notice (`Comments are reviewed before publication. We reserve the right …`).
  {reason: 'comment-prompt', test: /^comments are (?:reviewed|moderated|checked)\b.{0,240}$/iu, maxLength: 260, zone: 'edges'},
  // A rights notice in Turkish (`Yasal Uyarı: … tüm hakları … aittir`).
  {reason: 'copyright', test: /^yasal uyarı\s*:.{0,400}$/iu, maxLength: 420},
  {reason: 'share-line', test: /^(?:partager (?:cet |l[’'])article|diesen artikel teilen|artikel teilen|diesen beitrag teilen|beitrag teilen|compartir (?:este )?art[íi]culo|condividi (?:questo )?articolo|partilhar (?:este )?artigo|deel dit artikel|del artiklen|dela artikeln|del artikkelen|jaa artikkeli|sdílet článek|udostępnij artykuł|makaleyi paylaş|bagikan artikel|chia sẻ bài viết)$/iu, maxLength: 40},
  {reason: 'follow-prompt', test: /^follow us on [\p{L} .+]{2,30}$/iu, maxLength: 50},
  {reason: 'comment-prompt', test: /^(?:leave a (?:reply|comment)|your email address will not be published\.(?:\s*required fields are marked \*?)?|(?:sähköpostiosoitettasi ei julkaista|votre adresse (?:e-mail|de messagerie) ne sera pas publiée|deine e-mail-adresse wird nicht veröffentlicht|ihre e-mail-adresse wird nicht veröffentlicht|tu dirección de correo electrónico no será publicada|o seu endereço de e-?mail não será publicado|il tuo indirizzo email non sarà pubblicato|je e-mailadres wordt niet gepubliceerd|twój adres e-mail nie zostanie opublikowany|din e-postadress kommer inte (?:att )?publiceras|e-posta adresiniz yayınlanmayacak)\.(?:\s*\S.{0,80})?|comments? (?:are )?closed(?: (?:on|for) this (?:article|story|post|page))?\.?)$/iu, maxLength: 200},
  // A comment section's prompts (`You must be logged in to post a comment.`, `Would you like to comment on this article?`, `Register … or sign in now.`).
  {
    reason: 'comment-prompt',
    test: /^(?:you must be (?:logged in|signed in|a registered user) to (?:post a )?comment\.?(?: log ?in)?|commenting (?:is|has been) (?:closed|disabled)(?: for this (?:article|story|post))?\.?|comments (?:off|closed)|click to comment|comments\s*[-–:]\s*please (?:log ?in|sign in) (?:in order )?to comment\.?|zu diesem artikel können keine kommentare mehr abgegeben werden\.?|les commentaires sont fermés\.?|los comentarios están cerrados\.?|would you like to comment on this (?:article|story|post)\?|register \(it[’']s quick and free\) or sign in(?: now)?\.?|please read our comment(?:ing)? (?:policy|guidelines|rules) before (?:commenting|posting)\.?)$/iu,
    maxLength: 120,
    zone: 'edges'
  },
  // A notice that the page is old (`This article is more than 5 years old`, `Den här nyheten publicerades för mer än sex månader sedan och kan vara inaktuell.`).
  {
    reason: 'age-notice',
    test: /^(?:this (?:article|story|page|post|news item) (?:is|was (?:published|written)) (?:more than|over) \S+ (?:years?|months?) (?:old|ago)|(?:den här|denna) (?:nyhet(?:en)?|artikel(?:n)?|sida(?:n)?|text(?:en)?) (?:publicerades|skrevs|är) (?:för )?(?:mer än|över) \S+ (?:år|månader)|dieser (?:artikel|beitrag|text) ist (?:älter als|mehr als|über) \S+ (?:jahre?|monate?)|dit (?:artikel|bericht|nieuwsbericht) is (?:ouder dan|meer dan) \S+ (?:jaar|maanden)|cet article (?:a été publié il y a plus d['’]|date de plus d['’]|a plus d['’])\S+ (?:ans?|mois))(?!\p{L}).{0,200}$/iu,
    maxLength: 300
  },
  // A subscription running out (`Your subscription is almost coming to an end. Don’t miss out on …`, `Reclaim your full access. Click below to renew.`).
  {
    reason: 'paywall',
    test: /^(?:your (?:[\p{L}-]+ )?(?:subscription|trial|access)\b.{0,60}\b(?:end|expir|renew)\w*\b.{0,160}|reclaim your (?:full )?access\b.{0,80}|ready to continue (?:your|reading)\b.{0,80}\?|(?:click|tap) (?:below|here) to renew\b.{0,40})$/iu,
    maxLength: 240
  },
  // A request to switch an ad blocker off (`Reader notice: advertising pays for our reporting. Please consider switching off your ad blocker`).
  {
    reason: 'ad-blocker-notice',
    test: /^.{0,160}\b(?:switch(?:ing)? off|turn(?:ing)? off|disabl(?:e|ing)|paus(?:e|ing)|whitelist(?:ing)?|allowlist(?:ing)?|deaktivieren sie|désactive[zr]?|desactiva(?:r|e)?)\b.{0,40}\b(?:ad[- ]?blockers?|adblock(?:er)?s?|werbeblocker|bloqueur(?:s)? de pub\p{L}*|bloqueador(?:es)? de anuncios)\b.{0,160}$/iu,
    maxLength: 320
  },
  // A notice that the browser is too old (`Please update your browser`, `โปรดอัพเดตเบราว์เซอร์`), maybe after a label (`Reader notice:`).
  {
    reason: 'browser-notice',
    test: /^(?:[\p{L} ]{0,40}notice:\s*)?(?:(?:please )?update your browser\b.{0,160}|your (?:web )?browser is (?:out of date|outdated|not supported)\b.{0,160}|you are using an? (?:outdated|old|unsupported) (?:web )?browser\b.{0,160}|bitte aktualisieren sie ihren browser\b.{0,160}|internet explorer[- ](?:advarsel|warning|warnung|varning|waarschuwing)|.{0,120}\b(?:browser(?:en)?|navigateur|navegador) internet explorer\b.{0,200}|votre navigateur (?:est obsolète|n['’]est plus (?:à jour|supporté))\b.{0,160}|(?:โปรด)?อัพเดตเบราว์เซอร์.{0,160}|เบราว์เซอร์ที่คุณใช้เป็นเวอร์ชันเก่า.{0,160})$/iu,
    maxLength: 240
  },
  {reason: 'cms-footer', test: /^(?:proudly )?powered by (?:wordpress|ghost|blogger|medium|substack)\.?$/iu, maxLength: 40},
  // A CMS's shortcode left unrendered, alone on its line (`[pro_ad_display_adzone id="258130"]`, `[caption
  // id="attachment_5521" …]`, `[/ad_zone]`): with attributes, or a name in snake case (so `[x]` or `[sic]` stays).
  {reason: 'shortcode', test: /^(?:\[\/?(?:[a-z][a-z0-9_-]*(?:\s+[a-z_-]+=(?:"[^"\]]*"|'[^'\]]*'|[^\s"'\]]+))+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)\s*\/?\]\s*)+$/u, maxLength: 300},
  // The web server's note where a server-side include failed (Apache's `[an error occurred while processing this directive]`).
  {reason: 'server-error', test: /^\[an error occurred while processing this directive\]$/iu, maxLength: 60},
  // A comment section's notice (`Comments posted here are the views of the commenters and not of this website.`).
  {
    reason: 'comment-policy',
    test: /^(?:disclaimer:\s*)?(?:comments posted (?:here|on this (?:site|website|page))|comments) (?:are|reflect) (?:the )?(?:views|opinions|sole responsibility) of (?:the )?(?:commenters|readers|their authors|users)\b.{0,200}$/iu,
    maxLength: 300,
    zone: 'edges'
  },
  // WordPress.com's comment form and like counter (`Fill in your details below or click an icon to log in:`, `%d bloggers like this:`).
  {
    reason: 'comment-form',
    test: /^(?:fill in your details below or click an icon to log in:?|you are commenting using your (?:wordpress\.com|google|twitter|facebook|x) account\..{0,40}|connecting to %s|%d bloggers like this:?|(?:wordpress\.com|google|twitter|facebook) (?:logo|photo)|notify me of (?:new comments|new posts|follow-up comments) (?:via|by) email\.?)$/iu,
    maxLength: 120,
    zone: 'edges'
  },
  // A printed page's footer (`Article printed from Demerara Daily: https://…`, `URL to article: https://…`).
  {reason: 'print-footer', test: /^(?:article printed from .{1,80}|url to article:?\s*\S+|printed from\s*:?\s*https?:\/\/\S+)$/iu, maxLength: 300, zone: 'edges'},
  // A note that PDF files need Adobe's reader (`PDF形式のファイルをご覧いただく場合には、Adobe社が提供するAdobe Readerが必要です`).
  {reason: 'pdf-reader-notice', test: /^.{0,120}\bpdf\b.{0,120}adobe.{0,40}(?:reader|acrobat).{0,120}$/iu, maxLength: 300, zone: 'end', hint: /adobe/iu},
  // A letters page's pitch (`Have your say: send letters of no more than 300 words to …`).
  {reason: 'submissions-pitch', test: /^(?:have your say|write to us|send (?:us )?your letters?)\b.{0,200}$/iu, maxLength: 240, zone: 'edges'},
  {reason: 'post-taxonomy', test: /^(?:posted in|filed under:?|categories?:|(?:catégories?|tagué|étiquettes?|categorías?|categorias?|categorie|kategorien?|kategori[ae]?)\s?:|tags?:|labels?:|topics?:|tagged:?|(?:read )?more on:|témata:|tagi:|tagy:|etiketler:|etiquetas:|schlagw(?:örter|orte):|stichw(?:örter|orte):|aiheet:|avainsanat:|теги:|тэги:|temas:|argomenti:|mots-clés:|trefwoorden:|ämnen:|taggar:|emneord:|kata kunci:|từ khóa:|برچسب‌ها:|برچسب ها:|الوسوم:|كلمات مفتاحية:|タグ:|标签:|標籤:|태그:|címkék:|ετικέτες:|tagovi:|oznake:|žymos:|етикети:|мітки:|štítky:|etichete:|tunnisteet:|stikord:|tagit:|sildid:|merki:|etiquetes:|lebel:|mga tag:|แท็ก:|תגיות:|ٹیگز:|ট্যাগ:|tegi:)\s.{1,100}(?:\|\s*tagged\s.{1,100})?(?<![.!?…"”])$/iu, maxLength: 220, zone: 'edges'},
  // Tags or a slug run together into one long lower-case word over the article (`fact-checkweathermisinformationphoto-verification`).
  {reason: 'post-taxonomy', test: gluedRun, maxLength: 120, zone: 'head'},
  {reason: 'pagination', test: /^(?:continue reading\s*(?:→|»|\.\.\.)?|(?:«|←)\s*older (?:entries|posts)|newer (?:entries|posts)\s*(?:»|→))$/iu, maxLength: 40},
  {reason: 'cookie-banner', test: cookieBanner, maxLength: 240, zone: 'top'},
  {reason: 'cookie-banner', test: cookieBanner, maxLength: 240, zone: 'edges'},
  // A blog's comment form: `Comment *`, `Name *`, `Post Comment`, `Save my name, email, and website …`; after the article,
  // its bare labels and the section's heading too (`Website`, `Comments`; `Comment` above the headline is a section).
  {
    reason: 'comment-form',
    test: /^(?:(?:comment|name|e-?mail|website)\s*\*|post comment|submit comment|save my name, email, and website in this browser for the next time i comment\.?)$/iu,
    maxLength: 100,
    zone: 'edges'
  },
  {reason: 'comment-form', test: /^(?:comments?|website)$/iu, maxLength: 10, zone: 'end'},
  // A comment section with nothing in it (`Aucun commentaire pour le moment.`, `Bu habere henüz yorum yapılmamış.`), or closed.
  {
    reason: 'comment-prompt',
    test: /^(?:no comments yet|be the first to comment|aucun commentaire(?: pour le moment)?|noch keine kommentare(?: vorhanden)?|brak komentarzy|комментариев (?:пока )?нет|belum ada komentar|nessun commento|sin comentarios(?: todavía)?|nog geen reacties|bu habere henüz yorum yapılmamış|inga kommentarer(?: ännu)?|fil rss des commentaires(?: de ce billet)?|commenting is not available (?:in|for|on) this (?:channel entry|section|article|story))[.!]?$/iu,
    maxLength: 80,
    zone: 'edges'
  },
  // The image's file name left by the crawl (`7kd-a93b1e0c55f24d0e8f1a7b2c9e4d6a1f1726145400.jpg`).
  {reason: 'image-placeholder', test: new RegExp(`^[\\p{L}\\p{N}_.-]{1,120}${pictureExtension}$`, 'iu'), maxLength: 124},
  // A time alone, relative to when the page was seen (`23 minuten geleden`, `1 hour ago`, `vor 3 Stunden`): a teaser's stamp.
  {
    reason: 'relative-time',
    test: /^(?:\p{Nd}{1,3} (?:(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago|(?:seconden|minuten|minuut|uur|dagen|dag) geleden|(?:sekunder|minuter|timmar|dagar) sedan)|vor \p{Nd}{1,3} (?:sekunden|minuten|stunden|tagen|minute|stunde|tag)|il y a \p{Nd}{1,3} (?:secondes?|minutes?|heures?|jours?)|hace \p{Nd}{1,3} (?:segundos?|minutos?|horas?|días?))$/iu,
    maxLength: 30
  },
  // The font-size control's words (`Text Sizes`, `A+ A-`).
  {reason: 'page-controls', test: /^(?:text sizes?|font sizes?|a\s?\+\s?a\s?-|a-\s?a\+|aa)$/iu, maxLength: 12},
  // (in other languages, maybe with its `Aa` button glued: `Cambiar el tamaño de la fuenteAa`)
  {reason: 'page-controls', test: /^(?:change (?:the )?(?:font|text) size|cambiar el tamaño de(?: la)? (?:fuente|letra|texto)|tamaño de (?:la )?(?:fuente|letra)|taille (?:du texte|de la police)|schriftgröße(?: ändern)?|dimensione del (?:testo|carattere)|tamanho d[ao] (?:letra|fonte|texto)|lettergrootte|textstorlek|rozmiar (?:tekstu|czcionki)|размер шрифта)\s*(?:aa)?$/iu, maxLength: 40},
  // A page's id for the article, in the top (`News ID: 284173`, `شناسه خبر : ۲۸۴۱۷۳`, `Código: 40213`).
  // (not a headline that ends with a year after three words or more: `My reading year: 2022`)
  {reason: 'meta-line', test: /^(?![\p{L}\p{M}]+(?: [\p{L}\p{M}]+){2,}\s*[:：]\s*(?:19|20)\d\d$)[\p{L}\p{M} ]{2,30}\s*[:：]\s*\p{Nd}{3,}$/u, maxLength: 45, zone: 'head'},
  {reason: 'separator', test: /^(?:[·•*–—-]{1,3}|listen)$/iu, maxLength: 6, zone: 'edges'},
  {reason: 'reuse-prompt', test: /^reuse this content$/iu, maxLength: 20},
  // `Síguenos en Facebook Síguenos en Twitter`, `Follow us on X Follow us on Instagram`
  {reason: 'follow-prompt', test: new RegExp(`^(?:(?:follow us|síguenos|suivez-nous|folgen sie uns|seguici|siga-nos|volg ons)\\s+(?:on|en|sur|auf|su|no|op)\\s+(?:${social}|youtube|tiktok|threads|bluesky)[\\s|·•,/]*){2,10}$`, 'iu'), maxLength: 240},
  {reason: 'share-line', test: /^link copied(?: to clipboard)?[.!]?$/iu, maxLength: 30},
  // An e-mail widget's link (`Send a link to a friend`, `Email this story to a friend`, `Envoyer à un ami`).
  {reason: 'share-line', test: /^(?:(?:send|e-?mail) (?:a link|this (?:article|story|page|link)|the (?:article|story|link)|it) to a friend|send to a friend|envoyer (?:à un ami|cet article à un ami)|einem freund (?:senden|empfehlen)|artikel (?:versenden|empfehlen)|enviar a un amigo|envia(?:r)? a um amigo|invia a un amico)[.!]?$/iu, maxLength: 50, zone: 'edges'},
  {reason: 'share-line', test: /^(?:e-?mail|print|send) this (?:article|story|page)$/iu, maxLength: 30},
  {reason: 'image-placeholder', test: /^an image, when javascript is unavailable$/iu, maxLength: 50},
  // A picture's caption left as the CMS named it (`New Content Item (1)`).
  {reason: 'image-placeholder', test: /^new content item(?: \(\d{1,3}\))?$/iu, maxLength: 30},
  // A picture's alternative text that gives its size (`Platshållarbild i formatet 922 x 935 pixlar`).
  {reason: 'image-placeholder', test: new RegExp(`^[^.!?]{0,60}${pictureSize.source}`, 'iu'), maxLength: 90},
  // A logo's alternative text (`Logo Central America Link`, `Harbour Times logo`).
  {reason: 'image-placeholder', test: /^(?:logo(?:\s+\S+){1,3}|(?:\S+\s+){1,3}logo)$/iu, maxLength: 50, zone: 'edges'},
  // Sponsors' logos' alternative texts run together (`Naira Pay Logo   Kobo Vault Logo   Spark Ledger Logo`).
  {reason: 'image-placeholder', test: /^(?:(?:\S+\s+){1,3}logo\s*){2,8}$/iu, maxLength: 200, zone: 'edges'},
  // A logo's alternative text alone (`logo`, `Site logo`).
  {reason: 'image-placeholder', test: /^(?:(?:site|main|header|footer)\s+)?logo$/iu, maxLength: 20},
  // A site's icon's alternative text run on with the site's name (WordPress's `Site icon Research Pulse | Meridian Open Science`).
  {reason: 'image-placeholder', test: /^site (?:icon|logo)(?:\s+\S.{0,100})?$/iu, maxLength: 110, zone: 'top'},
  // A paywall's button over the article (`Purchase Access`, `Subscribe to read`, `Log in to continue reading`).
  {reason: 'paywall', test: /^(?:(?:purchase|buy|get|unlock) (?:full |digital )?access|subscribe (?:now )?to (?:read|continue)(?: reading)?|(?:log|sign) in to (?:read|continue)(?: reading)?)$/iu, maxLength: 40, zone: 'edges'},
  {reason: 'navigation', test: /^(?:top|bottom) of page$/iu, maxLength: 20},
  // A masthead or label printed several times, glued (`Tinta ChilangaTinta ChilangaTinta Chilanga`).
  {reason: 'repeated-line', test: /^(\S.{2,59}?)\1{1,4}$/u, maxLength: 300, zone: 'head'},
  // `Torna su`, `Nach oben`, `Takaisin uutislistaan`, `Back to news`: links back up or to the list.
  {
    reason: 'navigation',
    test: /^(?:back to top|torna (?:su|all'inizio)|nach oben|volver arriba|voltar ao topo|retour en haut(?: de (?:la )?page)?|naar boven|till toppen|do góry|nahoru|наверх|yukarı çık|takaisin (?:ylös|alkuun|uutislistaan|etusivulle)|back to (?:news|(?:all )?articles|the list|blog|stories)|zurück zur (?:übersicht|startseite)|retour (?:aux actualités|à la liste)|volver (?:a noticias|al listado))$/iu,
    maxLength: 40,
    zone: 'edges'
  },
  // A pitch for reader support or donations at the end (`Support us`, `Donate to The Raider Review`, `Your donation will support …`).
  {
    reason: 'support-pitch',
    test: /^(?:support us|support (?:our|independent|local) journalism|donate(?: now| today)?|donate to (?:the )?\p{Lu}.{1,50}|become a (?:member|supporter|patron)(?: today)?|your (?:donation|contribution|support) (?:will )?(?:support|help|helps|keeps?|makes?)s? .{1,160}|readers like you (?:are )?(?:keep|keeping|help|make) .{1,160})[.!]?$/iu,
    maxLength: 200,
    zone: 'end'
  },
  // A newsletter prompt in other languages (`Zapisz się do newslettera`, `Abonnez-vous à notre newsletter`).
  {
    reason: 'newsletter-prompt',
    test: /^(?:zapisz się do newslettera|(?:abonnez|inscrivez)-vous à (?:notre|la) newsletter|newsletter abonnieren|melden sie sich (?:für|zu) unserem newsletter an|suscríbete a (?:nuestro|la|nuestra) (?:newsletter|boletín)|iscriviti alla (?:nostra )?newsletter|assine (?:a )?(?:nossa )?newsletter|schrijf je in voor (?:de|onze) nieuwsbrief|prenumerera på (?:vårt|vår) nyhetsbrev)\b.{0,80}$/iu,
    maxLength: 120
  },
  {reason: 'republished-notice', test: /^read the original (?:article|story) on [^.]{1,60}\.?$/iu, maxLength: 80, zone: 'edges'},
  // (or a teaser's link to the whole text on its outlet: `Lire la suite sur Le Courrier du Val`, `Read the full story at The Valley Post`)
  {reason: 'republished-notice', test: new RegExp(String.raw`^${continueOn}\p{Lu}[^.!?]{1,60}(?:\.|…)?$`, 'u'), maxLength: 100, zone: 'edges'},
  {reason: 'navigation', test: /^(?:most (?:read|popular|viewed|shared)|trending now|editor[’']s picks)$/iu, maxLength: 20, zone: 'head'},
  // A Chinese article's meta line (`字号+作者:记者 来源:东方新闻网 2013-03-04 13:51 评论(0) 收藏`): two of its words.
  {reason: 'meta-line', test: new RegExp(`(?:${cjkMetaWord.source}).*?(?:${cjkMetaWord.source})`, 'u'), maxLength: 120, zone: 'head'},
  // A content system's error left in the page (`JUser: :_load: Unable to load user with ID: 412`, PHP notices).
  {reason: 'cms-error', test: /^(?:JUser: .{1,120}|(?:warning|notice|fatal error|deprecated): .{1,200} in \S+\.php on line \d+)$/iu, maxLength: 240},
  // An audio player's prompts (`Listen`, `New: You can now listen to articles.`, `This audio is generated by an AI tool.`).
  {reason: 'audio-player', test: /^(?:new:\s*)?you can now listen to (?:articles|this article|stories)\.?$|^this audio is (?:generated|produced) by .{1,40}$/iu, maxLength: 80, zone: 'edges'},
  // Counters and links a CMS prints (`Read 1874 times`, `41 views0 comments`, `View Comments`, `See All`, `Source link`).
  {
    reason: 'cms-footer',
    test: /^(?:read \d[\d,.]* times|\d[\d,.]* views?\s*\d*\s*comments?|view comments|see all|source link|download attachments:?|recent posts|links:|ads|syndicate content)$/iu,
    maxLength: 80,
    zone: 'edges'
  },
  {reason: 'consent-notice', test: /^this site is protected by recaptcha\b.{0,160}$/iu, maxLength: 200},
  // A prompt to sign in (`Already have an account? Log in`, `¿Tiene una cuenta existente? Iniciar sesión`).
  {reason: 'login-prompt', test: /^¿?(?:already have an account|have an existing account|already a subscriber|tiene una cuenta(?: existente)?|ya tienes (?:una )?cuenta|déjà (?:un compte|abonné(?:e)?)|bereits (?:ein konto|abonnent(?:in)?)|já tem (?:uma )?conta|hai già un account)\?\s*(?:sign in|log in|login|iniciar sesión|inicia sesión|se connecter|connectez-vous|anmelden|entrar|accedi)?\.?$/iu, maxLength: 80},
  // A prompt to allow the site's notifications (`Stay up to date with notifications from The Courier-Standard`, `Allow notifications`).
  {reason: 'notification-prompt', test: /^(?:stay up to date with (?:push )?notifications from .{1,60}|(?:allow|enable|turn on|get) (?:push |browser )?notifications(?: from .{1,60})?[.!?]?|(?:would you like|do you want) to (?:receive|get|enable) (?:push |browser )?notifications\b.{0,80})$/iu, maxLength: 140},
  // After the article: the comment section's furniture and links to the next and previous articles.
  {
    reason: 'comment-prompt',
    test: /^(?:no comments:?|post a comment|please enter your comment!?|please enter your name here|scrivi una replica|deja un comentario|laisser un commentaire|kommentar schreiben|\d+ comments?|(?:comments?|commentaires|kommentare|comentarios|commenti|kommentarer|komentarze) \(\d+\)|ليست هناك تعليقات:?|إرسال تعليق|nenhum comentário:?|postar um comentário|dodaj komentarz|add a comment|ajouter un commentaire|добавить комментарий|yorum yazın|aggiungi un commento|deixe um comentário|voeg een reactie toe|tambahkan komentar|skriv en kommentar|הוסף תגובה|(?:show|view|hide) comments(?: \(\d*\))?|\(\d+\) comments?|\d+ (?:kommentti[aä]?|kommentarer|kommentare?|commentaires?|comentários?|comentarios?|commenti|reacties|komentarzy?|komentáře|komentářů|yorum)|add your comment|join the (?:discussion|conversation)|welcome to the discussion\.?|(?:réagir|commenter|comentar|comentários|kommentieren|commenta|reageer|reacties|skomentuj|komentáře|vastaa|kommentoi|kommentit|yorum yap|kommentera|hozzászólások|comentarii)(?: \(\d+\))?|vstoupit do diskuse(?: \(\d+\))?|komentarze|kommentarer|comentarios|commentaires|kommentare|yorumlar|комментарии|коментарі|bình luận|komentar|أضف تعليق(?:ا|اً)?|التعليقات|댓글 \d+|댓글|評論|评论|コメント)$/iu,
    maxLength: 40,
    zone: 'edges'
  },
  {reason: 'pagination', test: /^(?:previous|next) (?:article|post|story)$/iu, maxLength: 20, zone: 'edges'},
  // (in other languages: `Edellinen artikkeli`, `Articles plus anciens`, `Artículo anterior`, `Powrót`)
  {
    reason: 'pagination',
    test: /^(?:(?:edellinen|seuraava) (?:artikkeli|juttu|uutinen)|articles? (?:plus anciens|plus récents|précédent|suivant)|article (?:précédent|suivant)|(?:artículo|entrada|noticia) (?:anterior|siguiente)|(?:artigo|notícia|post) (?:anterior|seguinte)|(?:articolo|notizia) (?:precedente|successivo|successiva)|(?:vorheriger|nächster) (?:artikel|beitrag)|(?:vorige|volgende) (?:artikel|bericht)|(?:poprzedni|następny) (?:artykuł|wpis)|(?:föregående|nästa) (?:artikel|inlägg)|(?:forrige|næste|neste) (?:artikel|artikkel|indlæg|innlegg)|(?:önceki|sonraki) (?:haber|yazı)|powrót|zpět|vissza|takaisin|zurück)$/iu,
    maxLength: 30,
    zone: 'edges'
  },
  // A feed's footer under a copied post (`The post … appeared first on Harbour Times.`); `extractSource` read the site.
  {reason: 'feed-footer', test: new RegExp(`^${feedFooter}\\S.{0,80}$`, 'iu'), maxLength: 500, zone: 'end'},
  // A blog's label page header (Blogger): `Showing posts with label Gardening. Show all posts`.
  {
    reason: 'navigation',
    test: /^(?:showing posts with label .{1,80}\. show all posts|mostrando (?:las )?entradas con la etiqueta .{1,80}\. mostrar todas las entradas|postagens com o marcador .{1,80}\. mostrar todas as postagens|affichage des articles dont le libellé est .{1,80}\. afficher tous les articles|es werden posts für das label .{1,80} angezeigt\. alle posts anzeigen)$/iu,
    maxLength: 200
  },
  // A document viewer's page counter (`You are on page 1of 284`).
  {reason: 'pagination', test: /^(?:you are on )?page \d+\s?of\s?\d+$/iu, maxLength: 40},
  // A calendar widget's row of weekdays (`Пн Вт Ср Чт Пт Сб Вс`, `S M T W T F S`).
  {reason: 'calendar', test: /^(?:\p{Lu}\p{Ll}{0,2}\.?\s+){6}\p{Lu}\p{Ll}{0,2}\.?$/u, maxLength: 40},
  // A link to the next or previous article with its headline run on (`Previous articleTwo killed as van overturns`, `« Previous Post`).
  {reason: 'pagination', test: /^(?:«\s*)?(?:previous|next|older|newer) (?:article|post|story|entry)(?:\s*»|(?=\p{Lu}|\s).{0,140})?$/iu, maxLength: 160, zone: 'edges'},
  // A footer's links (`Accessibility statement | Privacy notice`) and a data notice (`We care about the protection of your data. Read our Privacy Policy.`).
  {
    reason: 'footer-links',
    test: /^(?:(?:accessibility(?: statement)?|privacy(?: (?:notice|policy|statement))?|terms(?: (?:of use|of service|and conditions))?|cookie (?:policy|settings|preferences)|cookies|about cookies|collection notice|sitemap|site map|imprint|impressum|contact us|about us|mentions légales|politique de confidentialité|datenschutz(?:erklärung)?|aviso legal|política de (?:privacidad|privacidade|cookies)|polityka prywatności|deklaracja dostępności|mapa strony|om cookies|integritetspolicy|informativa (?:sulla )?privacy|privacybeleid|toegankelijkheid)(?:\s*[|·•∙]\s*|$)){1,8}$|^we care about the protection of your data\. read our privacy policy\.?$/iu,
    maxLength: 200,
    zone: 'edges'
  },
  // (and in more languages, or a bare `Contact`, below the article only: at the top they are the menu's, which
  // `extractTitle` reads: `Impresszum`, `Tietosuoja`, `Saavutettavuusseloste`, `Termeni si conditii | Contact`)
  {
    reason: 'footer-links',
    test: /^(?:(?:impresszum|kapcsolat|adatvédelem|tietosuoja(?:seloste|käytäntö)?|saavutettavuusseloste|evästeet|termeni (?:și|si) condi(?:ț|t)ii|politica de confiden(?:ț|t)ialitate|contact|kontakt|yhteystiedot|contatti|contacto|contato|colofon|ochrana osobních údajů)(?:\s*[|·•∙]\s*|$)){1,8}$/iu,
    maxLength: 120,
    zone: 'end'
  },
  // WordPress's `Published` / `on` left without their date.
  {reason: 'dateline', test: /^(?:published|posted|on)$/iu, maxLength: 10, zone: 'top'},
  {reason: 'affiliate-disclosure', test: /^(?:this (?:post|article|page|story) (?:may )?contains? affiliate links\b.{0,200}|as an amazon associate,? (?:i|we) earn from qualifying purchases\.?)$/iu, maxLength: 260},
  // Page controls: `Normal text size Larger text size`, `Jump to Recipe Print Recipe`, `Social Sharing`, and a
  // media player's readout or an image label (`0:00min`, `IMAGE:`, `view more`).
  {
    reason: 'page-controls',
    test: /^(?:(?:(?:normal|small|smaller|large|larger|very large) text size|jump to recipe|print recipe|social sharing|copy link|save|loading\.{0,3}|haberin devamı)\s*)+$|^(?:\d{1,2}:\d{2}\s*min|image:|view more)$/iu,
    maxLength: 80,
    zone: 'edges'
  },
  {reason: 'trust-principles', test: /^our standards: the (?:thomson reuters )?trust principles\.?$/iu, maxLength: 60},
  {reason: 'like-prompt', test: /^(?:like this:?|like loading\.{0,3}|loading\.{2,3}|related)$/iu, maxLength: 20},
  // Pages of a list (`Pagina 291 di 412`, `« Articoli precedenti`, `Articoli successivi »`).
  {
    reason: 'pagination',
    test: /^(?:(?:page|pagina|página|seite|strona|sayfa|halaman|sivu|sida|side) \d+ (?:of|di|de|von|z|\/|dari|av) \d+|(?:«\s*)?(?:articoli|articles|entradas|artigos|beiträge|posts|wpisy|berichten|inlägg) (?:precedenti|successivi|anteriores|siguientes|antigos|recentes|précédents|suivants|older|newer|ältere|neuere|starsze|nowsze|oudere|nieuwere|äldre|nyare)(?:\s*»)?)$/iu,
    maxLength: 40,
    zone: 'edges'
  },
  {reason: 'pagination', test: /^(?:page \d+ of \d+|read more\.{0,3}|(?:læs|les|läs) mere?\.{0,3}|lue lisää|czytaj dalej|leer más|ler mais|lire la suite|weiterlesen|mehr lesen|leggi tutto|lees meer|devamını oku)$|^(?:continue reading\.{0,3}|next page|previous page)$/iu, maxLength: 30},
  {reason: 'engagement-count', test: /^\d{1,6}$/u, maxLength: 6, zone: 'edges', rare: 2},
  // A blog's post footer (Blogger): `Posted by A at 9:14 PM 2 comments:`, `Email This`, `BlogThis!`, `Share to X`
  // (one per line or run together), `Subscribe to: Posts (Atom)`. (A name in it is read by `extractByline` first.)
  {reason: 'post-footer', test: /^posted by .{1,60}? at \d{1,2}[:/.]\S*(?: [ap]\.?m\.?)?(?:\s+(?:no|\d+) comments?:?)?$/iu, maxLength: 120, zone: 'end'},
  {reason: 'post-footer', test: /^(?:no|\d{1,5}) comments?:$|^(?:email this|blogthis!|share to (?:twitter|facebook|pinterest|x))+$|^subscribe to:\s*(?:posts|post comments|comments) \(atom\)$/iu, maxLength: 100, zone: 'edges'},
  {reason: 'share-line', test: new RegExp(`^${social}$`, 'iu'), maxLength: 20, zone: 'edges'},
  {reason: 'photo-credit', test: /^[—–−-]?\s*(?:photo(?:graph)?s?|image|picture|illustration|bild|foto|kuva|zdjęcie)(?:\s+(?:by|credit|courtesy of)\s*:?|\s*:)\s*\S.{0,100}(?<![.!?…])$/iu, maxLength: 140},
  {reason: 'photo-credit', test: /^[—–-]\s*(?:photo|image)\b.{0,100}$/iu, maxLength: 120},
  // A caption that ends with its picture's credit: `… (AP Photo/Dana Kolb, File)`, `… (Foto: Name/Agency)`, `… Photograph: Name/Agency`.
  {
    reason: 'photo-caption',
    // Case-sensitive: the credit names someone (`(AP Photo/Name)`, `(Foto: Name/dpa)`, `Photograph: Name/Agency`), unlike `(photo by the author)`.
    test: /(?:\((?:[\p{L}.&'’ -]{1,30}\s)?(?:[Pp]hoto|PHOTO|[Ff]oto|FOTO)s?\s*(?:[:/]\s*|by\s+|[Cc]redit:?\s+)\p{Lu}[^()]{0,80}\)|(?:^|[.!?]\s+)(?:Photograph|Photo|Foto):\s\p{Lu}[\p{L}.'’-]*(?:[\s/]+\p{Lu}[\p{L}.'’-]*){0,5})\.?$/u,
    maxLength: 400,
    tail: 130
  },
  {reason: 'published-in', test: /^published in\s+[\p{L}&' -]{1,40}$/iu, maxLength: 60},
  {reason: 'read-full-article', test: /^read (?:the )?full (?:article|story|report|piece)(?: here| on .{1,40})?\s*:?$/iu, maxLength: 80},
  {reason: 'engagement-count', test: /^\d[\d.,]*\s*[kKmM]?\s+(?:claps?|responses?|comments?|likes?|shares?|views?|comentários|comentarios|commentaires|commenti|kommentare|kommentarer|reacties|komentarzy|komentáře|yorum|komentar|комментари(?:й|ев|я)|коментар(?:ів|і)?)$/iu, maxLength: 30, zone: 'edges', rare: 2},
  {
    reason: 'follow-prompt',
    test: new RegExp(`^follow (?:us|@\\w+)(?: on ${social}(?:(?:,| and| or) ${social})*)?[.!]?$`, 'iu'),
    maxLength: 120
  }
]

/**
 * Remove whole paragraphs that match a boilerplate rule, each recorded in
 * `file.data.removed` with the rule's reason and the raw span.
 */
export default function stripBoilerplate(options: Options | null | undefined = emptyOptions) {
  const extra = (options ?? emptyOptions).rules ?? []
  for (const rule of extra) {
    if (!rule || typeof rule.reason !== 'string' || !(rule.test instanceof RegExp)) {
      throw new TypeError('Invalid rule in `options.rules`, expected `{reason: string, test: RegExp, maxLength: number}`')
    }
  }
  const rules = [...builtinRules, ...extra]
  return function (tree: Root, file: VFile): undefined {
    file.data.removed ??= []
    // (the lines after a related block's teasers or a page's end may be other furniture: a comment prompt, a comment
    // section's notice; each goes for its own rule's reason)
    const furniture = (value: string) => rules.find((rule) => matches(rule, value))?.reason
    relatedBlock(tree, file, furniture)
    pageEnd(tree, file, furniture)
    repeatedLines(tree, file)
    echoedCaption(tree, file)
    readingLabel(tree, file)
    pagerPair(tree, file)
    menuBlock(tree, file)
    menuLines(tree, file)
    marketTicker(tree, file)
    // A long copyright notice is no prose of the article, nor is a cookie banner (`We use cookies to … By continuing to
    // browse, you agree …` over the headline: the lines after it are still the page's head).
    const prose = tree.children.flatMap((node, index) => {
      const value = plainText(node)?.value ?? ''
      return isProse(value) && !/^(?:©|copyright\b)/iu.test(value) && !isCookieBanner(value) ? [index] : []
    })
    const inZone = (rule: BoilerplateRule, index: number) =>
      // The top is the first ten paragraphs; without prose (a poem, a list) nothing is at the top or the edges.
      rule.zone === 'top'
        ? index < 10 && prose.length > 0
        : rule.zone === 'head'
          ? prose.length > 0 && index < prose[0]
        : rule.zone === 'edges'
          ? prose.length > 0 && (index < prose[0] || index > prose[prose.length - 1])
        : rule.zone === 'end'
          ? prose.length > 0 && index >= prose[prose.length - 1]
          : true
    // Rules that apply only when few paragraphs match them.
    const tooMany = new Set(
      rules.filter(
        (rule) =>
          rule.rare !== undefined &&
          tree.children.filter((node) => {
            const value = plainText(node)?.value
            return value !== undefined && matches(rule, value)
          }).length > rule.rare
      )
    )
    for (let index = tree.children.length - 1; index >= 0; index--) {
      const text = plainText(tree.children[index])
      if (!text) continue
      // A bulleted line (`• Share on Facebook`) is tested without its bullet.
      const value = bulletedShare.test(text.value) ? text.value.replace(/^[•▪►]\s+/u, '') : text.value
      const rule = rules.find((rule) => !tooMany.has(rule) && inZone(rule, index) && matches(rule, value))
      if (!rule) continue
      removeChild(file, tree, index, rule.reason)
      // Removals go from the end: a paragraph of prose removed there leaves the one before it last.
      if (prose[prose.length - 1] === index) prose.pop()
    }
    siteFooter(tree, file, furniture)
    return undefined
  }
}

/** Whether a whole paragraph matches a rule, wherever it stands (its length, its hint, its test, on its tail if the rule says so). */
function matches(rule: BoilerplateRule, value: string): boolean {
  return value.length <= rule.maxLength && (!rule.hint || rule.hint.test(value)) && rule.test.test(rule.tail && value.length > rule.tail ? value.slice(-rule.tail) : value)
}

/**
 * A site's menu above the article: a run of four or more items of a few words
 * each (`• Home`, `• Latest news`, `1. Kerala`), before the first paragraph of
 * prose, leaves the body as `navigation`. (A list in the article comes after
 * its first paragraph; a run of three is left.)
 */
function menuBlock(tree: Root, file: VFile): void {
  const first = tree.children.findIndex((node) => isProse(plainText(node)?.value ?? ''))
  if (first === -1) return
  const item = (index: number) => {
    const value = plainText(tree.children[index])?.value
    return value !== undefined && menuItem.test(value) && value.split(/\s+/u).length <= 6
  }
  for (let end = first - 1; end >= 0; end--) {
    if (!item(end)) continue
    let start = end
    while (start > 0 && item(start - 1)) start--
    if (end - start + 1 >= 4) for (let index = end; index >= start; index--) removeChild(file, tree, index, 'navigation')
    end = start
  }
}

/**
 * Where a page's comment section or a blog's post footer starts (`Leave a Reply`, `No comments:`, `Post a Comment`,
 * `Newer Post Older Post Home`, `Comments (3)`, `Komentarze (3)`, `Δεν υπάρχουν σχόλια:`…): the article has ended.
 */
const pageEndMark = new RegExp(
  '^(?:(?:no|\\d{1,5}) comments?:|post a comment|leave a (?:reply|comment)(?: cancel reply)?|you must be logged in to post a comment\\.?|' +
    'newer posts? older posts?(?: home)?|subscribe to:?\\s*post comments \\(atom\\)|' +
    // (WordPress's comment heading: `2 thoughts on “A Kettle That Finally Behaves”`, `One response to …`, `3 Gedanken zu „…“`)
    '(?:\\d{1,5}|one) (?:thoughts?|responses?|repl(?:y|ies)|comments?) (?:on|to) [“"«‘\'].{1,150}|comments on:\\s.{1,150}|' +
    '\\d{1,5} (?:gedanken zu|kommentare zu|réflexions? sur|commentaires? sur|comentarios? (?:en|a|sobre)|respuestas? a|pensieri su|commenti su|comentários? (?:em|sobre)|gedachten over|reacties op|tankar om|kommentarer til|komentarzy? do) [„“"«‘\'].{1,150}|' +
    '(?:comments?|komentarze|diskuse|komentáře|komentāri|komentari|komentarji|kommentare|kommentarer|commentaires|comentarios|comentários|commenti|reacties|yorumlar|hozzászólások|kommentit|комментарии|коментарі|коментари|σχόλια)\\s*\\(\\d{1,5}\\)|' +
    // (Blogger's and WordPress's in other languages)
    'δεν υπάρχουν σχόλια:|δημοσίευση σχολίου|không có nhận xét nào:|no hay comentarios:|aucun commentaire:|keine kommentare:|nenhum comentário:|nessun commento:|tidak ada komentar:|' +
    'publicar un comentario|enregistrer un commentaire|kommentar veröffentlichen|postar um comentário|posta un commento|posting komentar|' +
    'deixe (?:um comentário|uma resposta)|deja (?:un comentario|una respuesta)|laisser un commentaire|lascia un commento|schreibe einen kommentar|' +
    'dodaj komentarz|tinggalkan (?:balasan|komentar)|để lại một bình luận|bir (?:cevap|yanıt) yazın|добавить комментарий|оставить комментарий|' +
    'залишити (?:відповідь|коментар)|napsat komentář|geef een reactie|laat een reactie achter|lämna ett svar|legg igjen en kommentar|' +
    'jätä kommentti|lasă un răspuns|ostavite (?:odgovor|komentar)|αφήστε μια απάντηση|השאר תגובה|اترك تعليق(?:اً|ا)?|دیدگاهتان را بنویسید|' +
    '댓글 남기기|コメントを残す|发表评论|發表評論|发表回复)$',
  'iu'
)

/**
 * A page's end: from a comment section's or a blog post footer's start after the article's first paragraph of prose,
 * every paragraph leaves (its own rule's reason, else `page-end`): comments, the blog's archive and profile, a site's
 * footer. Not when another post follows (a blog's page of several posts, each with its footer: `Posted by A at …`).
 */
function pageEnd(tree: Root, file: VFile, furniture: (value: string) => string | undefined): void {
  const first = tree.children.findIndex((node) => isProse(plainText(node)?.value ?? ''))
  if (first === -1) return
  const mark = tree.children.findIndex((node, index) => index > first && pageEndMark.test(plainText(node)?.value ?? ''))
  if (mark === -1) return
  // (the last post's footer may have left already, for its author)
  const at = tree.children[mark].position?.start.offset ?? 0
  if (
    tree.children.slice(mark + 1).some((node) => postFooterLine.test(plainText(node)?.value ?? '')) ||
    (file.data.removed ?? []).some((removal) => removal.start > at && postFooterLine.test(removal.text))
  ) return
  for (let index = tree.children.length - 1; index >= mark; index--) {
    const text = plainText(tree.children[index])
    removeChild(file, tree, index, (text && furniture(text.value)) ?? 'page-end')
  }
}

/**
 * A line of twenty characters or more printed several times, one under the other, is no text of the article (a
 * caption: `A dhow crosses Dubai Creek at dusk. The Gulf Weekend` ×4), wherever it stands: it leaves as `repeated-line`.
 */
function repeatedLines(tree: Root, file: VFile): void {
  for (let index = tree.children.length - 1; index >= 0; index--) {
    if (/^(\S.{19,300})(?:\n\1){1,5}$/u.test(plainText(tree.children[index])?.value ?? '')) removeChild(file, tree, index, 'repeated-line')
  }
}

/**
 * A picture's text over the article's first paragraph of prose, printed twice with a line between: its alternative
 * text, then its caption, the same words with a full stop (`Governor of Kisumu County Achieng Obura` / the headline /
 * `Governor of Kisumu County Achieng Obura.`). Both leave as `photo-caption`.
 */
function echoedCaption(tree: Root, file: VFile): void {
  const first = tree.children.findIndex((node) => isProse(plainText(node)?.value ?? ''))
  const valueAt = (index: number) => plainText(tree.children[index])?.value
  for (let index = Math.min(first === -1 ? 0 : first, 30) - 1; index >= 0; index--) {
    const value = valueAt(index)
    if (!value || value.includes('\n') || value.length < 20 || /[.!?…]$/u.test(value)) continue
    const caption = [2, 3, 4].map((step) => index + step).find((at) => at < first && valueAt(at) === value + '.')
    if (caption === undefined) continue
    removeChild(file, tree, caption, 'photo-caption')
    removeChild(file, tree, index, 'photo-caption')
  }
}

/**
 * A theme's reading-progress bar over the article: `Reading: ` and the headline that stands as a line of its own
 * too (`Lectura: Los que madrugan con el mercado`); it leaves as `reading-progress`.
 */
function readingLabel(tree: Root, file: VFile): void {
  const lines = new Set(tree.children.map((node) => plainText(node)?.value))
  for (let index = Math.min(tree.children.length, 40) - 1; index >= 0; index--) {
    const match = /^(?:now reading|you are reading|reading|lectura|leyendo|leitura|lendo|lecture|lettura|lesen|czytasz|okuyorsunuz)\s*:\s*(\S.{3,200})$/iu.exec(plainText(tree.children[index])?.value ?? '')
    if (match && lines.has(match[1])) removeChild(file, tree, index, 'reading-progress')
  }
}

/** One link of a pager: `Previous Reading`, `« Older entry`, `Next sermon →` (the word back or forth, then what it pages through). */
const pagerLink = /^(?:[«‹←]\s*)?(previous|prev|next|older|newer)\s+(\p{L}[\p{L}-]*(?:\s\p{L}[\p{L}-]*){0,2})(?:\s*[»›→])?$/iu

/**
 * A pager outside the article's prose: a link back and a link forth through the same kind of page, one under the
 * other (`Previous Reading` / `Next Reading`, `Older episode` / `Newer episode`), whatever that kind is; both leave as
 * `pagination`.
 */
function pagerPair(tree: Root, file: VFile): void {
  const prose = tree.children.flatMap((node, index) => (isProse(plainText(node)?.value ?? '') ? [index] : []))
  if (prose.length === 0) return
  const link = (index: number) => {
    const value = plainText(tree.children[index])?.value
    const match = value && value.length <= 40 ? pagerLink.exec(value) : null
    return match ? {back: /^(?:previous|prev|older)$/iu.test(match[1]), what: match[2].toLowerCase()} : undefined
  }
  for (let index = tree.children.length - 2; index >= 0; index--) {
    if (index >= prose[0] && index <= prose[prose.length - 1]) continue
    const [first, second] = [link(index), link(index + 1)]
    if (!first || !second || first.back === second.back || first.what !== second.what) continue
    removeChild(file, tree, index + 1, 'pagination')
    removeChild(file, tree, index, 'pagination')
  }
}

/**
 * A site's menu run into one line above the article's first paragraph of prose (`Home About Opinions Media Contact`) leaves
 * as `navigation` (on the crawl header's line, five items at least).
 */
function menuLines(tree: Root, file: VFile): void {
  const first = tree.children.findIndex((node) => isProse(plainText(node)?.value ?? ''))
  const raw = String(file.value)
  // (what follows the crawl header on its line is the page's title, a menu only of five items or more: `Local Elections
  // Live Blog` is a headline)
  const header = (file.data.removed ?? []).some((removal) => removal.reason === 'crawl-date-header' && removal.line === 1)
  for (let index = Math.min(first === -1 ? tree.children.length : first, 40) - 1; index >= 0; index--) {
    const text = plainText(tree.children[index])
    const start = text?.position?.start.offset
    const end = text?.position?.end.offset
    if (!text || text.value.includes('\n') || text.value.length > 200 || start === undefined || end === undefined) continue
    if (header && text.position?.start.line === 1 && text.value.split(' ').length < 5) continue
    if (isMenuLine(text.value, raw.slice(start, end))) removeChild(file, tree, index, 'navigation')
  }
}

/**
 * One quote of a market ticker: a name, then a price or rate, maybe with its unit, arrow and change (`DOW 39,043.32 ▲
 * 0.10%`, `USD/PKR 278.35 ▼`, `Gold (tola) Rs 229,500`, `Soja (saca 60 kg) R$ 131,50 ▼`, `برنت 78.15 دولار ▲`).
 */
// (no label with a colon: `Battery: 5,000 mAh` / `Price: $299` is a spec box)
const quote =
  /^(?=.{3,60}$)(?!.*:\s)\S.{0,35}?\s(?:[A-Z]{0,3}\$|Rs\.?|€|£|¥|₹)?\s?[+\-−]?\p{Nd}[\p{Nd},.]*(?:\s?%)?(?:\s\p{L}{1,8})?(?:\s*[▲▼△▽↑↓])?(?:\s*[+\-−]?\p{Nd}+(?:[.,]\p{Nd}+)?\s?%)?(?:\s*[▲▼△▽↑↓])?$/u
/** What tells a ticker's quotes from a list of numbers: an arrow, a change in percent, a currency pair or a currency. */
const quoteMark = /[▲▼△▽↑↓]|[+\-−]\p{Nd}+(?:[.,]\p{Nd}+)?\s?%|^\p{L}{3}\/\p{L}{3}\s|(?:[A-Z]{0,3}\$|Rs\.?|€|£|¥|₹)\s?\p{Nd}/u

/**
 * A market ticker above the article's first paragraph of prose: two quotes or more in a row (see `quote`), one of
 * them with an arrow, a change, a currency pair or a currency; its lines leave as `market-ticker`.
 */
function marketTicker(tree: Root, file: VFile): void {
  const first = tree.children.findIndex((node) => isProse(plainText(node)?.value ?? ''))
  const end = Math.min(first === -1 ? 0 : first, 40)
  const isQuote = (index: number) => {
    const value = plainText(tree.children[index])?.value ?? ''
    return !value.includes('\n') && quote.test(value)
  }
  for (let index = end - 1; index >= 0; index--) {
    if (!isQuote(index)) continue
    let start = index
    while (start > 0 && isQuote(start - 1)) start--
    const run = Array.from({length: index - start + 1}, (_, step) => start + step)
    if (run.length >= 2 && run.some((at) => quoteMark.test(plainText(tree.children[at])!.value))) {
      for (const at of run.reverse()) removeChild(file, tree, at, 'market-ticker')
    }
    index = start
  }
}

/** Furniture that closes an article: once one of these has left after its last paragraph of prose, the page's footer follows. */
const closingReasons = new Set([
  'comment-form',
  'comment-prompt',
  'copyright',
  'disclaimer',
  'donation-pitch',
  'follow-prompt',
  'footer-links',
  'newsletter-prompt',
  'page-end',
  'post-taxonomy',
  'related-block',
  'republished-notice',
  'share-line',
  'social-links',
  'source-line',
  'submissions-pitch',
  'support-pitch'
])

/**
 * A teaser or a footer's item: a line of at most 20 words without a closing full stop (`Fler notiser`, a headline,
 * `Om os`), or any furniture a rule knows. (A headline may ask or exclaim when short: `Who pays the bill?`; a closing
 * sentence ends with a full stop.)
 */
function teaserLine(node: RootContent, furniture: (value: string) => string | undefined): boolean {
  const value = plainText(node)?.value
  return value !== undefined && (furniture(value) !== undefined || shortLine(value))
}

/** A line of at most 20 words without a closing full stop (see `teaserLine`). */
function shortLine(value: string): boolean {
  const words = value.split(/\s+/u).length
  const last = value.split('\n').pop() ?? ''
  return words <= 20 && !/\.["”]?$/u.test(last) && !(words > 14 && /[!?]["”]?$/u.test(last))
}

/**
 * A site's footer under the article without a heading to tell it: after the article's last paragraph of prose, once
 * a paragraph has left as furniture that closes an article (share buttons, a copyright or source line, a comment
 * prompt: see `closingReasons`), the paragraphs below it to the page's end (teaser headlines, `Seneste nyt`, the
 * outlet's name, `Om os`, `Kontakt redaktionen`) leave as `site-footer` (or their own rule's reason) when every one
 * of them is a short line (see `teaserLine`). A sentence among them keeps them all.
 */
function siteFooter(tree: Root, file: VFile, furniture: (value: string) => string | undefined): void {
  const lastProse = tree.children.findLastIndex((node) => isProse(plainText(node)?.value ?? ''))
  const below = tree.children[lastProse]?.position?.end.line
  if (below === undefined) return
  const marks = (file.data.removed ?? []).filter((removal) => removal.line > below && closingReasons.has(removal.reason))
  if (marks.length === 0) return
  const mark = Math.min(...marks.map((removal) => removal.line))
  const start = tree.children.findIndex((node, index) => index > lastProse && (node.position?.start.line ?? 0) > mark)
  if (start === -1) return
  // (each line's own rule, asked once: it is both what makes a long line furniture and its reason)
  const values = tree.children.slice(start).map((node) => plainText(node)?.value)
  const reasons = values.map((value) => (value === undefined ? undefined : furniture(value)))
  if (!values.every((value, at) => value !== undefined && (reasons[at] !== undefined || shortLine(value)))) return
  for (let index = tree.children.length - 1; index >= start; index--) removeChild(file, tree, index, reasons[index - start] ?? 'site-footer')
}

const relatedHeading =
  /^(?:related(?: (?:articles?|stories|posts?|content|coverage|news|reading))?|[aà] lire aussi|ajánlott cikkek|weitere nachrichten aus .{1,40}|more for you|more (?:long reads|episodes|galleries|videos)|you might also be interested in|temas relacionados|artigos relacionados|altre gallerie|mest läst|많이 본 뉴스|संबंधित खबरें|संबंधित ख़बरें|और पढ़ें|sur le même sujet|most read in [\p{L} ]{1,30}|around the web|read more|more (?:from|on|in) [^.!?]{1,40}|more stories|you (?:may|might) also like|recommended(?: for you)?|see also|also read|lire aussi|à lire aussi|weitere artikel|mehr zum thema|lea también|te puede interesar|relacionad[oa]s|leia (?:também|mais)|veja também|leggi anche|potrebbe interessarti|lees ook|meer (?:uit|over) .{1,40}|lesen sie auch|mehr aus .{1,40}|mehr bei .{1,40}|notícies relacionades|in other news|topics|more from:\s[^.]{1,40}|nylige artikler|mest leste(?: artikler)?|mest lästa|more [\p{L} ]{1,30} articles|top stories|yazının devamı|you (?:may|might) (?:also )?like|trending(?: now| stories)?|featured (?:stories|articles|posts)|most (?:read|popular|viewed)|more news|latest (?:news|stories|articles)|read next|what to read next|editor[’']s picks|les plus lus|à lire également|sur le même sujet|dans la même rubrique|voir aussi|à découvrir aussi|das könnte sie auch interessieren|meistgelesen|weitere nachrichten|auch interessant|noticias relacionadas|lo más leído|más noticias|también te puede interesar|notícias relacionadas|mais lid[ao]s|leia mais|últimas notícias|articoli correlati|i più letti|notizie correlate|meer nieuws|meest gelezen|gerelateerde? (?:artikelen|berichten|nieuws)?|meer (?:nieuws|artikelen|berichten|lezersbrieven|columns|opinie)|läs också|läs även|mer från .{1,40}|læs også|les også|relaterte artikler|zobacz (?:też|także|również)|czytaj (?:też|także|również)|polecane|najnowsze|najczęściej czytane|související(?: články| zprávy)?|další zprávy|čtěte (?:také|též)|mohlo by vás zajímat|nejčtenější|lue myös|luetuimmat|aiheeseen liittyvät|[iİ]lgili haberler|benzer haberler|diğer haberler|son haberler|berita terkait|artikel terkait|berita lainnya|baca juga|tin liên quan|tin cùng chuyên mục|tin khác|xem thêm|đọc thêm|اقرأ أيض(?:اً?|ًا)|أخبار ذات صلة|مواضيع ذات صلة|أخبار متعلقة|читайте также|читайте також|по теме|ещё по теме|похожие новости|другие новости|по темі|інші новини|ezek is érdekelhetik|kapcsolódó cikkek|ข่าวที่เกี่ยวข้อง|ข่าวเกี่ยวข้อง|مطالب مرتبط|اخبار مرتبط|相關新聞|相关新闻|相關文章|相关文章|関連記事|関連ニュース|관련기사|관련 기사|read more letters(?: from our readers)?|read more (?:\p{L}+ ){0,2}\p{L}+|διαβάζονται τώρα|διαβάστε (?:επίσης|ακόμα)|σχετικά άρθρα|δημοφιλή|related articles\s*more from (?:the )?author|read more on these topics|related (?:tags|topics)|most viewed(?: in [\p{L} ]{1,30})?|popular in [\p{L} ]{1,30}|weitere artikel aus .{1,40}|recent (?:posts|articles|stories|news)|bunlar da [iİ]lginizi çekebilir|ezek (?:is )?érdekelhetnek(?: még)?|legolvasottabb|kapcsolódó (?:hírek|cikkek)|más (?:noticias )?de \p{Lu}[^.!?]{1,40}|video terkait|berita populer|recommended (?:videos|stories|articles|reading)|latest [\p{L} ]{1,20} stories|links to more [\p{L} ]{1,20} stories|flere (?:debatindlæg|artikler|nyheder|saker)|lisää aiheesta|katso myös|luitko jo nämä)\s*:?$/iu

/** The label over a page's tags, each on its own line below (`Tags` / `Editorials` / `Riverton`): the block leaves as `post-taxonomy`. */
const tagHeading = /^(?:tags|tagged(?: under| with)?|this article (?:is )?tagged under|keywords|temas|temes|etiquetas|etiquetes|schlagw(?:örter|orte)|stichw(?:örter|orte)|themen|mots-clés|thèmes|argomenti|trefwoorden|onderwerpen|ämnen|taggar|tagi|tagy|témata|etiketler|címkék|tópicos|assuntos|tunnisteet|aiheet|emneord)\s*:?$/iu

/**
 * A trailing block of teaser headlines under `Related` or `Read more`: removed
 * only when everything after the heading is short lines (at most 20 words each),
 * so a real closing paragraph is never taken.
 */
function relatedBlock(tree: Root, file: VFile, furniture: (value: string) => string | undefined): void {
  const lastProse = tree.children.findLastIndex((node) => isProse(plainText(node)?.value ?? ''))
  for (let index = Math.max(0, Math.min(tree.children.length - 12, lastProse + 1)); index < tree.children.length; index++) {
    const text = plainText(tree.children[index])
    const tags = text !== undefined && tagHeading.test(text.value)
    if (!text || !(tags || relatedHeading.test(text.value))) continue
    // Everything after the heading is teasers; or, after the article's last paragraph of prose, the teasers up to the
    // first line that is none (the site's footer: `The Institute is an independent … charity.`), one at least.
    let end = tree.children.length
    if (!tree.children.slice(index + 1).every((node) => teaserLine(node, furniture))) {
      if (index <= lastProse) continue
      end = index + 1
      while (end < tree.children.length && teaserLine(tree.children[end], furniture)) end++
      if (end === index + 1) continue
    }
    // (furniture among the teasers goes for its own rule's reason)
    const reason = tags ? 'post-taxonomy' : 'related-block'
    for (let last = end - 1; last > index; last--) removeChild(file, tree, last, furniture(plainText(tree.children[last])!.value) ?? reason)
    removeChild(file, tree, index, reason)
    return
  }
}

