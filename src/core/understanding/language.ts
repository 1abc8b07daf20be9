/**
 * Function words of English (and the few other languages users write in). They carry no topic:
 * need matching ignores them, and the typo corrector never "corrects" one into a service name.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren arent as at be because been before being below
  between both but by can cant could couldnt did didnt do does doesnt doing dont down during each few for from further
  get gets got had hadnt has hasnt have havent having he her here hers herself him himself his how hows i id ill im ive
  if in into is isnt it its itself just lets me more most my myself no nor not now of off on once only or other ought
  our ours ourselves out over own same shall she should shouldnt so some such than that thats the their theirs them
  themselves then there theres these they theyd theyll theyre theyve this those through to too under until up upon us
  very was wasnt we wed well were weve werent what whats when whens where wheres which while who whos whom why whys
  will with wont would wouldnt you youd youll youre youve your yours yourself yourselves hey hi hello please pls plz
  thanks thank ok okay so yeah yes really actually basically just like want wanna need needs needed use using used
  aws amazon service services thing things stuff one ones way best good better right something anything kind sort
  lot lots bit quick question q random dumb sorry guys folks team anyone someone recommend recommendation suggest
  option options choose pick go going make makes let help tell know think guess maybe probably e g eg vs versus
  el la los las de del que y o en un una es para por con como cual cuál le les des du et ou est pour avec quel
  quelle der die das und oder ist für mit wie welche welcher o os as do da em um uma é com qual`.split(/\s+/),
);

/**
 * Everyday words that sit one or two edits away from a service name ("genesis" ~ kinesis,
 * "aurore" ~ aurora); the typo corrector leaves them alone.
 */
export const NEAR_MISS_WORDS: ReadonlySet<string> = new Set(
  `genesis lambada dynamic dynamics dynamite glacial glaciers glazier aura auroras redshirt redshifts fargo
  lightsaber lightsails lighthouse beanstalks cloudflare kinetic kinesiology elastic elasticity elastically
  eclipse escape access excess ebbs effs sass sans snaps creds preserve preserves preserved preserving reserve reserved deserve observe
  developer developers documented forecasted polls proto repos standardize standardise subset workspace personalized assigners`.split(/\s+/),
);
