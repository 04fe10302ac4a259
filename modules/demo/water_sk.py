"""Slovak versions of the water-programme demo modules."""

MODULES = {
    "phishing-at-the-water-utility": {
        "title": "Phishing vo vodárenskej spoločnosti",
        "summary": (
            "Naučte sa rozpoznať falošné faktúry, podvodné hovory údajnej podpory dodávateľa "
            "a podvody s falošným riaditeľom, ktoré sa zameriavajú na vodárenské a kanalizačné "
            "spoločnosti, a zistite, ako ich rýchlo nahlásiť."
        ),
        "body": [
            ("heading", "Prečo sa útočníci zameriavajú na vodárenské spoločnosti"),
            (
                "paragraph",
                "<p>Malé vodárenské a kanalizačné spoločnosti platia dodávateľom, uchovávajú údaje o zákazníkoch a čoraz častejšie riadia úpravne vody, čistiarne odpadových vôd a čerpacie stanice na diaľku. Pre útočníka to znamená peniaze, údaje a prístup ku kritickým systémom, o ktoré sa často stará malý tím s minimálnou podporou IT. Väčšina útokov sa nezačína dômyselným hackovaním, ale <b>presvedčivým e-mailom, textovou správou alebo telefonátom</b> bežnému zamestnancovi.</p>",
            ),
            ("heading", "Falošné faktúry od dodávateľov"),
            (
                "paragraph",
                "<p>Páchatelia zistia, kto sú vaši dodávatelia – napríklad firma, ktorá vám dodáva chlórnan sodný alebo koagulanty, či spoločnosť, ktorá servisuje vaše čerpadlá a vodomery. Potom pošlú faktúru alebo list, ktorý vyzerá presne ako skutočný, a oznámia, že sa <b>zmenilo číslo bankového účtu</b>. Niekedy e-mail naozaj príde zo skutočnej adresy dodávateľa, pretože jeho e-mailovú schránku niekto napadol.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Žiadosť o zmenu bankových údajov je tým najvážnejším varovným signálom. Nikdy ju neakceptujte len na základe e-mailu: zavolajte dodávateľovi na číslo, ktoré už máte zo zmluvy alebo z predchádzajúcich faktúr, nie na číslo uvedené v správe.",
                },
            ),
            ("heading", "Falošná podpora dodávateľa systému SCADA"),
            (
                "paragraph",
                "<p>Ďalším bežným trikom je telefonát alebo e-mail od niekoho, kto tvrdí, že pracuje pre dodávateľa vášho systému SCADA či PLC alebo pre vášho integrátora automatizácie. Hovorí o <i>naliehavej bezpečnostnej aktualizácii</i> a žiada vás, aby ste nainštalovali nástroj na vzdialený prístup, otvorili pripojenie alebo mu nadiktovali svoje používateľské meno a heslo do VPN. Skutoční dodávatelia postupujú cez dohodnutý kanál podpory a v plánovaných servisných oknách – nikdy od vás nepotrebujú, aby ste obchádzali vlastné postupy.</p>",
            ),
            ("heading", "Podvod s falošným riaditeľom a ďalšie naliehavé žiadosti"),
            (
                "paragraph",
                "<p>Pri podvode s falošným riaditeľom (tzv. CEO fraud) sa zdá, že správa prichádza od vášho nadriadeného, predsedu predstavenstva alebo starostu. Obsahuje žiadosť o naliehavú a dôvernú platbu alebo o nákup darčekových poukážok, často práve vtedy, keď je známe, že daná osoba cestuje. Typickými znakmi sú <b>nátlak, utajenie a nezvyčajný komunikačný kanál</b>. Skontrolujte, aká e-mailová adresa sa skrýva za zobrazovaným menom, a zavolajte danej osobe späť na číslo, ktoré poznáte.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Skôr než kliknete, zaplatíte alebo odpoviete",
                    "items": [
                        "Skontrolujte skutočnú adresu odosielateľa, nielen zobrazované meno.",
                        "Zamyslite sa, či ste túto správu alebo faktúru očakávali.",
                        "Buďte obozretní, ak na vás niekto tlačí, žiada utajenie alebo chce, aby ste obišli bežné postupy.",
                        "Pred kliknutím nastavte kurzor myši na odkaz a pozrite sa, kam v skutočnosti vedie.",
                        "Neotvárajte neočakávané prílohy, najmä súbory ZIP alebo HTML a dokumenty Office, ktoré vás žiadajú o povolenie makier.",
                        "Žiadosti o platbu a o prístup si overte cez kanál, ktorý už poznáte.",
                    ],
                },
            ),
            ("heading", "Nahláste to rýchlo – a bez obáv"),
            (
                "paragraph",
                "<p>Ak ste klikli na odkaz, otvorili prílohu alebo zadali heslo na podozrivej stránke, <b>okamžite</b> to nahláste svojej kontaktnej osobe pre IT alebo nadriadenému a zmeňte si heslo. Rozhodujú minúty a nikto by nikdy nemal niesť vinu za to, že niečo úprimne nahlásil. Podozrivé správy môžete preposlať aj tímu CERT-EE na adresu cert@cert.ee. Ide o národný tím pre riešenie počítačových bezpečnostných incidentov, ktorý pôsobí pri estónskom Úrade pre informačné systémy.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "Meno a telefónne číslo kontaktnej osoby na nahlasovanie umiestnite tam, kde ho uvidí každý – na velíne, v dielni aj na stene kancelárie.",
                },
            ),
            (
                "takeaways",
                [
                    "Zmenu bankových údajov si vždy overte telefonicky na čísle, ktoré už máte.",
                    "Skutoční dodávatelia vás nikdy nenútia ponáhľať sa, obchádzať postupy ani inštalovať nástroje.",
                    "Nátlak, utajenie a naliehavosť sú klasické znaky sociálneho inžinierstva.",
                    "Kliknutia a podozrivé správy nahláste okamžite – rýchlosť obmedzuje škody.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Váš stály dodávateľ chlóru vám e-mailom oznámi, že sa mu zmenil bankový účet, a žiada vás, aby ste nasledujúcu faktúru uhradili na nový účet. Čo urobíte?",
                "explanation": "E-mailové schránky dodávateľov bývajú často napadnuté, takže e-mail zo skutočnej adresy nič nedokazuje. Zmenu môže potvrdiť jedine telefonát na číslo, ktoré už máte.",
                "choices": [
                    {
                        "text": "Zaplatím na nový účet – e-mail prišiel z obvyklej adresy dodávateľa.",
                        "correct": False,
                        "feedback": "Schránka dodávateľa môže byť napadnutá. Známa adresa nie je dôkaz.",
                    },
                    {
                        "text": "Odpoviem na e-mail a požiadam o potvrdenie zmeny.",
                        "correct": False,
                        "feedback": "Ak schránku ovládajú podvodníci, zmenu jednoducho potvrdia sami.",
                    },
                    {
                        "text": "Zavolám dodávateľovi na číslo zo zmluvy alebo z predchádzajúcich faktúr.",
                        "correct": True,
                        "feedback": "Správne. Nezávislý kanál je jediné spoľahlivé overenie.",
                    },
                    {
                        "text": "Prepošlem e-mail kolegovi a požiadam ho, aby platbu vykonal.",
                        "correct": False,
                        "feedback": "Tým riziko len presuniete na niekoho iného a nič neoveríte.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "Ktoré z týchto znakov sú typickými varovnými signálmi phishingu alebo sociálneho inžinierstva? (Vyberte všetky správne odpovede.)",
                "explanation": "Útočníci vytvárajú nátlak a izolujú vás od ostatných, aby ste konali skôr, než sa zamyslíte. Správa vo vašom jazyku alebo v pracovnom čase je bežná a nič nenaznačuje.",
                "choices": [
                    {
                        "text": "Žiadajú vás, aby ste konali urýchlene.",
                        "correct": True,
                        "feedback": "Správne – naliehavosť vám má zabrániť, aby ste si vec overili.",
                    },
                    {
                        "text": "Žiadajú vás, aby ste žiadosť pred kolegami zatajili.",
                        "correct": True,
                        "feedback": "Správne – utajenie bráni ostatným, aby si podvod všimli.",
                    },
                    {
                        "text": "Adresa odosielateľa sa mierne líši od skutočnej domény.",
                        "correct": True,
                        "feedback": "Správne – domény na nerozoznanie podobné skutočným, napríklad „rnail“ namiesto „mail“, sú bežné.",
                    },
                    {
                        "text": "Správa príde v bežnom pracovnom čase.",
                        "correct": False,
                        "feedback": "Samotný čas doručenia nie je varovným signálom – útočníci posielajú správy kedykoľvek.",
                    },
                    {
                        "text": "Správa je napísaná vo vašom jazyku.",
                        "correct": False,
                        "feedback": "Moderný phishing býva často napísaný plynulo a bez chýb.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Skutočný dodávateľ systému SCADA vám môže bez ohlásenia zavolať a požiadať vás o inštaláciu nástroja na vzdialený prístup, aby mohol nasadiť naliehavú opravu.",
                "is_true": False,
                "explanation": "Skutoční dodávatelia používajú dohodnutý kanál podpory a plánovanú údržbu. Nečakaná žiadosť o inštaláciu softvéru na vzdialený prístup je klasický útok.",
                "feedback_true": "Nie celkom. Presne takto sa útočníci dostávajú do riadiacich systémov – vždy si to overte cez dohodnutý kanál.",
                "feedback_false": "Správne. Neohlásené žiadosti o inštaláciu nástrojov na vzdialený prístup treba vždy overiť a odmietnuť.",
            },
            {
                "type": "single_choice",
                "prompt": "Klikli ste na odkaz v e-maile a zadali heslo na stránke, ktorá potom zobrazila chybu. Čo urobíte ako prvé?",
                "explanation": "Útočník už možno vaše heslo používa. Okamžité nahlásenie a zmena hesla obmedzia to, čo môže urobiť.",
                "choices": [
                    {
                        "text": "Počkám, či sa stane niečo zvláštne.",
                        "correct": False,
                        "feedback": "Dovtedy už útočník mohol váš účet zneužiť.",
                    },
                    {
                        "text": "Okamžite to nahlásim kontaktnej osobe pre IT alebo nadriadenému a zmením si heslo.",
                        "correct": True,
                        "feedback": "Správne. Rýchle nahlásenie dáva najväčšiu šancu útok zastaviť.",
                    },
                    {
                        "text": "E-mail vymažem a nikomu nič nepoviem, aby nevznikla trápna situácia.",
                        "correct": False,
                        "feedback": "Mlčanie pomáha len útočníkovi. Úprimné nahlásenie je vždy vítané.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "Riaditeľ, ktorý je na dovolenke, vám pošle e-mail so žiadosťou o naliehavú a dôvernú platbu novému partnerovi a zdôrazní, že o nej nesmiete s nikým hovoriť. Ako je najlepšie reagovať?",
                "explanation": "Nátlak a utajenie sú typickými znakmi podvodu s falošným riaditeľom. Telefonát na známe číslo trvá minútu a podvod zastaví.",
                "choices": [
                    {
                        "text": "Platbu vykonám – riaditeľ má právomoc o ňu požiadať.",
                        "correct": False,
                        "feedback": "Presne s tým podvodníci rátajú. Právomoc nenahrádza overenie.",
                    },
                    {
                        "text": "Odpoviem na e-mail a opýtam sa, či je žiadosť skutočná.",
                        "correct": False,
                        "feedback": "Vaša odpoveď môže ísť priamo podvodníkovi.",
                    },
                    {
                        "text": "Zavolám riaditeľovi na číslo, ktoré už poznám, a postupujem podľa bežného schvaľovacieho postupu.",
                        "correct": True,
                        "feedback": "Správne. Overte si to cez známy kanál a nikdy nevynechávajte bežné schvaľovanie.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "E-mail môže ako odosielateľa zobrazovať známe meno, aj keď bol odoslaný z úplne inej adresy.",
                "is_true": True,
                "explanation": "Zobrazované meno si môže ktokoľvek nastaviť ľubovoľne. Vždy skontrolujte skutočnú adresu – a nezabúdajte, že aj správna adresa môže patriť napadnutej schránke.",
                "feedback_true": "Správne. Zobrazované meno sa dá ľahko sfalšovať, preto skontrolujte adresu, ktorá sa za ním skrýva.",
                "feedback_false": "Nie celkom. Ktokoľvek si môže zvoliť ľubovoľné zobrazované meno – samotné meno nič nedokazuje.",
            },
        ],
    },
    "remote-access-and-ot-hygiene": {
        "title": "Vzdialený prístup a kybernetická hygiena v OT",
        "summary": (
            "Udržte čerpadlá, PLC a systém SCADA mimo dosahu útočníkov: žiadne zariadenia priamo "
            "dostupné z internetu, VPN s MFA pre dodávateľov, oddelené siete IT a OT a každodenné "
            "návyky, vďaka ktorým zostanú riadiace systémy v bezpečí."
        ),
        "body": [
            ("heading", "Riadiaci systém nie je kancelársky počítač"),
            (
                "paragraph",
                "<p>PLC, operátorské panely HMI a servery SCADA riadia čerpadlá, dávkovanie chemikálií a hladiny v nádržiach. Často zostávajú v prevádzke 15 rokov aj dlhšie, nie vždy sa dajú rýchlo aktualizovať a boli navrhnuté pre uzavreté siete. Ak ich útočník ovládne, následkom nemusí byť len strata údajov, ale aj <b>prerušenie dodávky vody alebo pitná voda, ktorá ohrozuje zdravie</b>.</p>",
            ),
            ("heading", "PLC ani HMI nikdy nepripájajte priamo na internet"),
            (
                "paragraph",
                "<p>Vyhľadávače ako Shodan nepretržite prehľadávajú celý internet a hľadajú priemyselné zariadenia. PLC alebo HMI s verejnou IP adresou a otvoreným portom – Modbus, webové rozhranie alebo VNC – nájdu v priebehu niekoľkých hodín. Koncom roka 2023 útočníci ovládli PLC dostupné z internetu vo viacerých vodárenských spoločnostiach; tieto zariadenia stále chránilo len <b>predvolené heslo výrobcu</b>.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Ak sa k svojmu HMI dostanete z mobilu bez toho, aby ste sa najprv pripojili k VPN, dokáže to aj ktokoľvek iný na internete. Požiadajte svojho integrátora, aby to ešte dnes preveril.",
                },
            ),
            ("heading", "Prístup dodávateľov: VPN a MFA – a len vtedy, keď je to potrebné"),
            (
                "paragraph",
                "<p>Vzdialený prístup k riadiacemu systému musí viesť výlučne cez VPN alebo bránu vzdialeného prístupu chránenú <b>viacfaktorovou autentifikáciou</b> (MFA). Každý človek má vlastný účet – žiadne spoločné prihlasovacie údaje pre dodávateľov. Prístup dodávateľa sa zapína na dohodnuté servisné okno a potom sa znova vypína a každá relácia sa zaznamenáva. Nedovoľte externým firmám inštalovať na počítače v OT vlastné nástroje na vzdialený prístup.</p>",
            ),
            ("heading", "Oddeľte siete IT a OT"),
            (
                "paragraph",
                "<p>Kancelárska sieť, v ktorej ľudia čítajú e-maily a prehliadajú web, musí byť od riadiacej siete oddelená firewallom, ktorý povoľuje len skutočne potrebné spojenia. Údaje, ktoré sa musia dostať z jednej siete do druhej, napríklad výkazy nameraných hodnôt, by mali prechádzať cez samostatnú zónu (DMZ). Ransomvér, ktorý príde e-mailom, sa tak nedostane k systému SCADA. Operátorské panely HMI ani inžinierske pracovné stanice <i>nikdy</i> nepoužívajte na čítanie e-mailov ani na prehliadanie webu.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Každodenná hygiena v OT",
                    "items": [
                        "Zmeňte predvolené heslá na všetkých PLC, HMI, routeroch, modemoch a kamerách.",
                        "Do počítačov v OT nezapájajte neznáme USB kľúče; na prenos súborov používajte len vyhradený, skontrolovaný kľúč.",
                        "Veďte aktuálny zoznam všetkých zariadení riadiaceho systému.",
                        "Zhromažďujte záznamy (logy) z VPN a firewallov aj záznamy o zmenách programov PLC a pravidelne ich kontrolujte.",
                        "Účty bývalých zamestnancov a dodávateľov bezodkladne zrušte.",
                        "Aktualizácie inštalujte až po ich otestovaní s dodávateľom alebo integrátorom.",
                    ],
                },
            ),
            ("heading", "Poznajte svoje zariadenia"),
            (
                "paragraph",
                "<p>Nemôžete chrániť to, o čom neviete, že existuje. Súpis aktív by mal pri každom zariadení uvádzať model, umiestnenie, verziu firmvéru, sieťovú adresu a zodpovednú osobu – vrátane <b>mobilných routerov a modemov</b> na vzdialených čerpacích staniciach, na ktoré sa ľahko zabúda a ktoré sú často dostupné z internetu. Záznamy uchovávajte centrálne niekoľko mesiacov, aby ste v prípade incidentu mohli zistiť, čo sa stalo.</p>",
            ),
            (
                "takeaways",
                [
                    "Žiadne PLC, HMI ani server SCADA nesmie byť priamo dostupné z internetu.",
                    "Vzdialený prístup len cez VPN s MFA, s osobnými účtami a zaznamenávanými reláciami.",
                    "Kancelársku sieť IT a sieť riadiaceho systému oddeľte firewallom.",
                    "Predvolené heslá, neznáme USB kľúče a zabudnuté modemy útočníkom výrazne uľahčujú prácu.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Dodávateľ čerpadiel potrebuje vzdialený prístup, aby upravil program PLC. Ktoré riešenie je najbezpečnejšie?",
                "explanation": "Prístup cez VPN s MFA, s osobným účtom a v obmedzenom časovom okne vám dáva kontrolu nad tým, kto sa pripája, kedy a čo robí.",
                "choices": [
                    {
                        "text": "Presmerovať port na routeri na HMI a chrániť ho silným heslom.",
                        "correct": False,
                        "feedback": "Zariadenia dostupné z internetu útočníci rýchlo nájdu a napadnú; samotné heslo nestačí.",
                    },
                    {
                        "text": "VPN s MFA a osobný účet pre technika dodávateľa, aktivovaný len na dohodnuté servisné okno.",
                        "correct": True,
                        "feedback": "Správne. Prístup je časovo obmedzený a každú reláciu možno spätne dohľadať.",
                    },
                    {
                        "text": "Dovoliť dodávateľovi nainštalovať na inžiniersku pracovnú stanicu trvalý nástroj na vzdialený prístup.",
                        "correct": False,
                        "feedback": "Trvalý a nekontrolovaný nástroj sú zadné dvierka, ktoré môžu využiť aj útočníci.",
                    },
                    {
                        "text": "Dať dodávateľovi spoločné prihlasovacie údaje operátorov.",
                        "correct": False,
                        "feedback": "Pri spoločných prihlasovacích údajoch nie je možné zistiť, kto čo urobil.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "Ktoré opatrenia pomáhajú správne oddeliť siete IT a OT? (Vyberte všetky správne odpovede.)",
                "explanation": "Oddelenie znamená firewall, ktorý prepúšťa len nevyhnutnú komunikáciu, DMZ na výmenu údajov a žiadne kancelárske používanie počítačov v OT. Spoločné heslá a priame prepojenia oddelenie rušia.",
                "choices": [
                    {
                        "text": "Firewall medzi kancelárskou a riadiacou sieťou, ktorý povoľuje len nevyhnutnú komunikáciu.",
                        "correct": True,
                        "feedback": "Správne – to je podstata oddelenia sietí.",
                    },
                    {
                        "text": "Žiadny e-mail ani prehliadanie webu na HMI a inžinierskych pracovných staniciach.",
                        "correct": True,
                        "feedback": "Správne – tým sa odstránia najčastejšie cesty nákazy.",
                    },
                    {
                        "text": "Samostatná zóna (DMZ) na výmenu údajov, napríklad výkazov.",
                        "correct": True,
                        "feedback": "Správne – údaje môžu prúdiť bez priameho prepojenia.",
                    },
                    {
                        "text": "Rovnaké heslo správcu v oboch sieťach, pre pohodlie.",
                        "correct": False,
                        "feedback": "Heslo ukradnuté v kancelárii by potom otvorilo aj riadiacu sieť.",
                    },
                    {
                        "text": "Pripojenie servera SCADA ku kancelárskej Wi-Fi.",
                        "correct": False,
                        "feedback": "Tým sa riadiaci systém priamo prepojí s kancelárskou sieťou.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "PLC je pred útočníkmi z internetu v bezpečí, ak jeho webové rozhranie používa nezvyčajné číslo portu.",
                "is_true": False,
                "explanation": "Skenery kontrolujú všetky porty, nielen štandardné. Jediným bezpečným riešením je nepripájať riadiace zariadenia na verejný internet.",
                "feedback_true": "Nie celkom. Internetové skenery kontrolujú všetky porty, takže nezvyčajné číslo nič neukryje.",
                "feedback_false": "Správne. Presun na iný port neochráni zariadenie, ktoré je dostupné z internetu.",
            },
            {
                "type": "single_choice",
                "prompt": "Externý technik prinesie USB kľúč s aktualizovaným projektom HMI. Ako správne postupovať?",
                "explanation": "USB kľúče sú známou cestou, ktorou sa škodlivý softvér dostáva do izolovaných sietí. Kontrola súborov na vyhradenom počítači a dodržanie postupu pre zmeny riziko znižujú.",
                "choices": [
                    {
                        "text": "Zapojiť ho priamo do HMI – technikovi dôverujeme.",
                        "correct": False,
                        "feedback": "Aj dôveryhodný technik môže mať nakazený kľúč bez toho, aby o tom vedel.",
                    },
                    {
                        "text": "Skontrolovať súbory na vyhradenom počítači s aktuálnym antivírusom a preniesť ich podľa dohodnutého postupu pre zmeny.",
                        "correct": True,
                        "feedback": "Správne. Najprv skontrolovať, potom riadene preniesť.",
                    },
                    {
                        "text": "Najprv ho otvoriť na kancelárskom počítači a pozrieť sa, čo obsahuje.",
                        "correct": False,
                        "feedback": "Kancelársky počítač môže byť sám nakazený a škodlivý softvér môže preniesť na kľúč.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "Čo by mal obsahovať súpis aktív OT? (Vyberte všetky správne odpovede.)",
                "explanation": "Súpis musí opisovať, o aké zariadenie ide, kde sa nachádza, ako je pripojené a kto zaň zodpovedá. Heslá doň nepatria – a predvolené heslá by už vôbec nemali existovať.",
                "choices": [
                    {
                        "text": "Model a umiestnenie zariadenia",
                        "correct": True,
                        "feedback": "Správne.",
                    },
                    {
                        "text": "Verzia firmvéru alebo softvéru",
                        "correct": True,
                        "feedback": "Správne – potrebujete ju, aby ste vedeli, ktoré zraniteľnosti sa vás týkajú.",
                    },
                    {
                        "text": "Sieťová adresa a typ pripojenia vrátane mobilných modemov",
                        "correct": True,
                        "feedback": "Správne – zabudnuté modemy sú častým slabým miestom.",
                    },
                    {
                        "text": "Predvolené heslo každého zariadenia v otvorenom texte",
                        "correct": False,
                        "feedback": "Heslá do súpisu nepatria a predvolené heslá už mali byť zmenené.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Záznamy o prihláseniach cez VPN a o zmenách programov PLC vám po incidente pomôžu zistiť, čo sa stalo.",
                "is_true": True,
                "explanation": "Bez záznamov nezistíte, kto sa pripojil, kedy a čo zmenil. Uchovávajte ich centrálne a niekoľko mesiacov.",
                "feedback_true": "Správne. Záznamy sú často jediným dôkazom o tom, čo sa naozaj stalo.",
                "feedback_false": "Nie celkom. Záznamy sú pri vyšetrovaní incidentov nevyhnutné.",
            },
        ],
    },
    "backups-and-incident-response": {
        "title": "Zálohovanie a reakcia na incidenty",
        "summary": (
            "Zabezpečte, aby sa vaša vodárenská spoločnosť dokázala zotaviť z útoku ransomvéru "
            "alebo zo zlyhania systému: zálohy, z ktorých ste obnovu naozaj vyskúšali, kópie "
            "konfigurácií PLC a jasný plán, kto čo robí, keď sa niečo pokazí."
        ),
        "body": [
            ("heading", "Pravidlo 3-2-1"),
            (
                "paragraph",
                "<p>Dôležité údaje majte aspoň v <b>troch kópiách</b> na <b>dvoch rôznych typoch</b> úložísk, pričom <b>jedna kópia je uložená mimo firmy</b>. Aspoň jedna kópia musí byť zároveň <i>offline alebo nemeniteľná</i> (odpojená alebo chránená proti zápisu), pretože moderný ransomvér vyhľadáva pripojené zálohovacie disky a zdieľané sieťové priečinky a ako prvé ich zašifruje alebo vymaže.</p>",
            ),
            ("heading", "Nezabúdajte na konfigurácie PLC a HMI"),
            (
                "paragraph",
                "<p>Fakturačné a účtovné údaje sa zvyčajne zálohujú, riadiaci systém však často nie. Programy PLC, projekty HMI, konfigurácia systému SCADA, nastavenia sieťových zariadení, verzie firmvéru a žiadané hodnoty niekedy existujú len v notebooku integrátora. Majte vlastnú aktuálnu kópiu vrátane starších verzií, uchovávajte ju offline a po každej zmene ju aktualizujte. Povinnosť odovzdávať vám tieto súbory zakotvite v servisnej zmluve.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Záloha, z ktorej ste nikdy neskúšali obnovu, je len nádej. Obnovu pravidelne testujte – aspoň dvakrát do roka – a súčasťou testu nech je aj nahratie programu PLC do náhradného hardvéru.",
                },
            ),
            ("heading", "Keď sa niečo stane: prvé kroky"),
            (
                "paragraph",
                "<p>Varovnými signálmi sú napríklad súbory, ktoré sa zrazu nedajú otvoriť alebo majú zvláštne prípony, výzva na zaplatenie výkupného na obrazovke, nezmyselné hodnoty na HMI alebo žiadané hodnoty, ktoré sa menia bez toho, aby sa ich ktokoľvek dotkol. Postihnuté počítače <b>izolujte</b> tak, že vytiahnete sieťový kábel alebo odpojíte Wi-Fi, ale nevypínajte ich – v pamäti a v záznamoch môžu byť dôležité dôkazy. Potom okamžite upozornite koordinátora riešenia incidentov.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Zoznam kontaktov pre prípad incidentu – vytlačte si ho a majte ho pri telefóne",
                    "items": [
                        "Koordinátor riešenia incidentov vo vašej spoločnosti a jeho zástupca s číslami mobilných telefónov.",
                        "Váš poskytovateľ IT služieb a integrátor systému SCADA s číslami dostupnými aj mimo pracovného času.",
                        "CERT-EE, národný tím CSIRT pri estónskom Úrade pre informačné systémy: cert@cert.ee.",
                        "Polícia, ak ide o trestný čin, napríklad vydieranie.",
                        "Estónsky zdravotný úrad (Terviseamet), ak môže byť ohrozená kvalita pitnej vody.",
                        "Vaša poisťovňa, vlastník alebo obec a osoba zodpovedná za komunikáciu so zákazníkmi.",
                    ],
                },
            ),
            ("heading", "Ručná prevádzka ako záložné riešenie"),
            (
                "paragraph",
                "<p>Ak sa na riadiaci systém nedá spoľahnúť, voda musí tiecť aj tak. Uistite sa, že úpravu či čistenie vody a čerpanie dokážete <b>niekoľko dní riadiť ručne</b>: potrebujete vytlačené postupy a žiadané hodnoty, vyškolených zamestnancov, funkčné miestne ovládacie panely, ručný odber vzoriek a kontrolu dávkovania chemikálií, ako aj rozpis služieb. Prechod na ručnú prevádzku by ste mali nacvičiť aspoň raz do roka.</p>",
            ),
            ("heading", "Ransomvér: neplaťte – izolujte, nahláste, obnovte"),
            (
                "paragraph",
                "<p>Zaplatenie výkupného nezaručuje, že údaje dostanete späť, ani že ukradnuté údaje nebudú zverejnené. Financuje ďalšiu trestnú činnosť a páchateľom signalizuje, že ste ochotní platiť. Napadnuté systémy izolujte, zabezpečte dôkazy a incident nahláste tímu CERT-EE a polícii. Systémy obnovujte z čistých záloh až vtedy, keď nájdete a uzavriete cestu, ktorou sa útočník dostal dnu, a zmeňte všetky heslá. Ak sa na vašu spoločnosť vzťahuje estónsky zákon o kybernetickej bezpečnosti, hlásenie závažných incidentov Úradu pre informačné systémy je zároveň vašou <b>zákonnou povinnosťou</b>.</p>",
            ),
            (
                "takeaways",
                [
                    "Dodržiavajte pravidlo 3-2-1 a aspoň jednu kópiu majte offline alebo nemeniteľnú.",
                    "Programy PLC, projekty HMI a sieťové nastavenia zálohujte po každej zmene.",
                    "Testujte obnovu a nacvičujte ručnú prevádzku skôr, než ich budete naozaj potrebovať.",
                    "Pri incidente: izolujte, nevypínajte, zavolajte koordinátorovi riešenia incidentov a nahláste to tímu CERT-EE.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Čo znamená pravidlo zálohovania 3-2-1?",
                "explanation": "Tri kópie na dvoch typoch úložísk, z ktorých jedna je uložená inde, znamenajú, že žiadne jednotlivé zlyhanie, požiar ani útok nezničí všetky vaše údaje.",
                "choices": [
                    {
                        "text": "Tri kópie údajov na dvoch rôznych typoch úložísk, z toho jedna mimo firmy.",
                        "correct": True,
                        "feedback": "Správne.",
                    },
                    {
                        "text": "Tri zálohy denne uchovávané dva týždne na jednom serveri.",
                        "correct": False,
                        "feedback": "Frekvencia je dôležitá, ale ak je všetko na jednom serveri, jediné zlyhanie zničí všetko.",
                    },
                    {
                        "text": "Traja správcovia, dve heslá a jeden zálohovací disk.",
                        "correct": False,
                        "feedback": "S pravidlom 3-2-1 to nemá nič spoločné.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Záloha skutočne preukázala svoju hodnotu až vtedy, keď ste z nej pri teste úspešne obnovili údaje.",
                "is_true": True,
                "explanation": "Zálohovanie môže zlyhať bez povšimnutia – chýbajúce súbory, poškodené médium alebo zabudnuté heslo. Len skúšobná obnova ukáže, či obnovenie v skutočnosti funguje.",
                "feedback_true": "Správne. Neotestované zálohy často zlyhajú práve vtedy, keď ich potrebujete.",
                "feedback_false": "Nie celkom. Mnohé organizácie až počas incidentu zistia, že sa ich zálohy nedajú obnoviť.",
            },
            {
                "type": "multiple_choice",
                "prompt": "Čo by mala malá vodárenská spoločnosť zálohovať? (Vyberte všetky správne odpovede.)",
                "explanation": "Vodárenská spoločnosť musí vedieť obnoviť kancelárske údaje aj konfiguráciu riadiaceho systému. Ak sa spoliehate len na integrátora, ste závislí od jediného notebooku.",
                "choices": [
                    {
                        "text": "Programy PLC a projekty HMI",
                        "correct": True,
                        "feedback": "Správne – bez nich môže obnova riadiaceho systému trvať týždne.",
                    },
                    {
                        "text": "Údaje o zákazníkoch a fakturácii",
                        "correct": True,
                        "feedback": "Správne.",
                    },
                    {
                        "text": "Nastavenia firewallu a routerov",
                        "correct": True,
                        "feedback": "Správne – obnoviť treba aj sieť.",
                    },
                    {
                        "text": "Nič z riadiaceho systému – kópiu má integrátor",
                        "correct": False,
                        "feedback": "Kópia integrátora môže byť zastaraná, stratená alebo v kritickej chvíli nedostupná.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "Na kancelárskom počítači sa zrazu zobrazí výzva na zaplatenie výkupného a súbory majú zvláštne nové prípony. Aký je správny prvý krok?",
                "explanation": "Odpojenie od siete zastaví šírenie a zároveň zachová dôkazy v pamäti; ďalší postup potom riadi koordinátor riešenia incidentov.",
                "choices": [
                    {
                        "text": "Okamžite vypnem napájanie všetkých počítačov.",
                        "correct": False,
                        "feedback": "Vypnutím môžete zničiť dôkazy v pamäti. Počítač radšej odpojte od siete.",
                    },
                    {
                        "text": "Odpojím počítač od siete a upozorním koordinátora riešenia incidentov.",
                        "correct": True,
                        "feedback": "Správne. Počítač izolujte, nechajte ho zapnutý a spustite poplach.",
                    },
                    {
                        "text": "Rýchlo zaplatím výkupné, aby bol výpadok čo najkratší.",
                        "correct": False,
                        "feedback": "Zaplatenie nič nezaručuje a financuje ďalšie útoky.",
                    },
                    {
                        "text": "Kliknem na odkaz vo výzve na zaplatenie výkupného a skontaktujem sa s útočníkmi.",
                        "correct": False,
                        "feedback": "S útočníkmi nekomunikujte – nechajte to na odborníkov a políciu.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "Systém SCADA zobrazuje zmeny žiadaných hodnôt, ktoré nikto neurobil, a systému už nemožno dôverovať. Čo by mali operátori urobiť?",
                "explanation": "Na prvom mieste je dodávka vody a bezpečnosť. Ručná prevádzka podľa pripraveného postupu udrží úpravňu v chode, kým sa incident vyšetruje.",
                "choices": [
                    {
                        "text": "Pokračovať v automatickom režime a počkať, kým to IT prešetrí.",
                        "correct": False,
                        "feedback": "Ak systému nemožno dôverovať, automatický režim môže dodávať vodu, ktorá nie je zdravotne bezpečná.",
                    },
                    {
                        "text": "Prejsť na ručnú prevádzku podľa vytlačeného postupu a častejšie ručne kontrolovať kvalitu vody.",
                        "correct": True,
                        "feedback": "Správne. Dodávka vody tak zostane bezpečná, kým sa hľadá príčina.",
                    },
                    {
                        "text": "Okamžite odstaviť celú úpravňu a nikomu nič nepovedať.",
                        "correct": False,
                        "feedback": "Nekoordinované odstavenie môže samo prerušiť dodávku vody – postupujte podľa plánu a informujte koordinátora riešenia incidentov.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Zaplatenie výkupného zaručuje, že údaje dostanete späť a že nebudú zverejnené.",
                "is_true": False,
                "explanation": "Páchatelia často neposkytnú funkčný dešifrovací kľúč, údaje aj tak zverejnia alebo prídu s novými požiadavkami. Úrady neodporúčajú výkupné platiť.",
                "feedback_true": "Nie celkom. Žiadna záruka neexistuje – a zaplatením sa stávate cieľom opakovaných útokov.",
                "feedback_false": "Správne. Zaplatenie nič nezaručuje a financuje ďalšiu trestnú činnosť.",
            },
        ],
    },
}

PROGRAMMES = {
    "water-industry-sme-cyber-resilience-estonia": {
        "title": "Program kybernetickej odolnosti malých a stredných podnikov vo vodárenstve",
        "intro": (
            "<p>Tento rozvojový program estónskeho Úradu pre informačné systémy (RIA) pomáha malým "
            "vodárenským spoločnostiam a prevádzkovateľom kanalizácií a čistiarní odpadových vôd "
            "chrániť služby, na ktoré sa ľudia každý deň spoliehajú. Útoky na vodárenský sektor sú "
            "čoraz častejšie a malí prevádzkovatelia bývajú často najľahším cieľom.</p>"
            "<p>Štyri moduly sa venujú phishingu zameranému na zamestnancov vodárenských spoločností, "
            "bezpečnému vzdialenému prístupu k riadiacim systémom, zálohovaniu a reakcii na incidenty "
            "a silným heslám s viacfaktorovou autentifikáciou. Každý modul trvá 10 – 15 minút a končí "
            "sa krátkym kvízom.</p>"
        ),
        "audience": (
            "Zamestnanci, vedúci pracovníci a operátori malých a stredných vodárenských "
            "a kanalizačných spoločností v Estónsku a ich partneri pre IT a automatizáciu."
        ),
    },
}
