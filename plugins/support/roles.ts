/** Words that say what a person does: a byline's role after the name, and a bio's trade. */

/** Roles and places that follow a name in a byline, and are not names (a word ends where letters do: `Université`). */
export const role =
  /\b(?:correspondent|editor|reporter|writer|columnist|contributor|contributing|staff|professor|analyst|fellow|director|researcher|journalist|producer|host|anchor|presenter|bureau|chief|senior|associate|lecturer|student|photographer|desk|news|agency|special|guest|team|opinion|university|universit[éäy]|universitas|universidad|universidade|università|universität|universiteit|uniwersytet|institute|college|school|centre|center|foundation)(?![\p{L}\p{N}_])|(?<!\p{L})(?:újságíró|riporter|szerkesztő|tudósító|novinar(?:ka)?|urednik|urednica|toimittaja|reportteri|(?:chef)?redakteur(?:in)?|(?:hoofd|eind)?redacteur|verslaggever|rédact(?:eur|rice)(?: en chef)?|periodista|redactor(?:a)?|giornalista|jornalista|dziennikarz|dziennikarka|redaktor(?:ka)?|gazeteci|muhabir(?:i)?|yazar(?:ı)?|wartawan|novinář(?:ka)?|žurnalist(?:as|ė)|ajakirjanik|blaðamaður|fréttamaður|mwandishi|журналист(?:ка)?|журналіст(?:ка)?|кореспондент(?:ка)?|корреспондент|редактор|συντάκτ(?:ης|ρια)|δημοσιογράφος|ανταποκριτ(?:ής|ρια)|כתב(?:ת)?|עורכ(?:ת)?|مراسل(?:ة)?|محرر(?:ة)?|صحفي(?:ة)?)(?!\p{L})/iu

/** Words of a trade, in a line that says who the author is (`… is a transport planner`, `Arquitecta y urbanista`). */
export const bioWord =
  /\b(?:writer|writes (?:about|on|for)|author|journalist|reporter|journaliste|periodista|giornalista|jornalista|journalistin|escritora?|scrittrice|scrittore|chroniqueur|chroniqueuse|columnista|editorialista|professeure?|profesora?|professore(?:ssa)?|professora?|docente|chercheuse|chercheur|investigadora?|ricercatrice|ricercatore|pesquisadora?|avocate?|abogada?|avvocato|advogada?|medico|economista|historienne?|historiadora?|storico|column|columnist|contributor|freelance|professor|lecturer|researcher|fellow|student|teacher|resident|editor|founder|analyst|consultant|novelist|poet|critic|reviewer|historian|economist|based in|\p{L}+olog(?:ist|er)|scientist|engineer|architect|arquitect[oa]|architecte|architett[oa]|architekt(?:in)?|urbanist[ae]?|urbaniste|planner|lawyer|attorney|barrister|solicitor|physician|doctor|nurse|councill?or|campaigner|activist|advocate|scholar|academic|commentator|broadcaster|diplomat|ambassador|director|adviser|advisor|strategist|practitioner|specialist|expert|pastor|priest|rabbi|imam|firefighter|farmer|entrepreneur|graduate|candidate|\p{L}+olog(?:ue|o|a|in)|ma[iî]tre de conférences|ma[iî]tresse de conférences|doctorante?|doctoral (?:candidate|student|researcher)|charg[ée]e? de recherche|institut|enseignante?|économiste|ökonom(?:in)?|enfermeira|enfermera|infirmière|infermiera|analityk|analityczka|ekspert(?:ka)?|publicyst(?:a|ka)|ekonomist(?:a|ka)|prawni(?:k|czka)|socjolog|politolog|analytik|analytička|(?:escreve|escribe|écrit|scrive|schreibt) .{3,80}\b(?:para|pour|per|für))\b/iu

/** News agencies and desks that a byline may name instead of a person. */
export const agencyOrDesk =
  /^(?:reuters|afp|ap|associated press|agence france-presse|bloomberg|dpa|efe|ansa|xinhua|anadolu(?: agency| ajansı)?|aa|pti|ians|ani|kyodo|yonhap|tass|ria novosti|bernama|antara|lusa|ctk|čtk|pap|mti|tt|ntb|ritzau|stt|belga|apa|ats|sda|anp|the canadian press|canadian press|la presse canadienne|presse canadienne|aap|australian associated press|press association|pa media|news desk|web desk|online desk|newsroom|staff|haber merkezi|redacción|redaktion|rédaction|redazione|redação|redakcja)$/iu

/** Whether a short line (twelve words at most) says what a person does (`Audio Editor`, `Arquitecta y urbanista`, `Senior Lecturer, Southern Inland University`, `Ekonomi Yazarı`). */
export function isRole(value: string): boolean {
  return value.split(/\s+/u).length <= 12 && (role.test(value) || bioWord.test(value))
}

/** A wire service's own name, ending with what it is (`Heartland Wire Service`, `Capitol News Service`, `Baltic News Agency`). */
export const namedAgency =
  /^\p{Lu}[\p{L}'’.&-]*(?:\s+\p{Lu}[\p{L}'’.&-]*){0,4}\s+(?:wire service|news service|news agency|press agency|press service|newswire|news wire|news bureau|press association)$/iu

/** Whether a byline's name is a news agency's or a desk's (`Reuters`, `Haber Merkezi`, `Heartland Wire Service`), not a person's. */
export function isAgency(value: string): boolean {
  return agencyOrDesk.test(value) || namedAgency.test(value)
}
