"""Slovene versions of the water-programme demo modules."""

MODULES = {
    "phishing-at-the-water-utility": {
        "title": "Spletno ribarjenje v vodovodnem podjetju",
        "summary": (
            "Prepoznajte lažne račune, lažne klice tehnične podpore dobaviteljev in prevare z lažnim "
            "direktorjem, s katerimi napadalci merijo na podjetja za oskrbo z vodo in odvajanje "
            "odpadnih voda, ter vedite, kako jih hitro prijaviti."
        ),
        "body": [
            ("heading", "Zakaj so vodovodna podjetja tarča napadalcev"),
            (
                "paragraph",
                "<p>Manjša podjetja za oskrbo z vodo in odvajanje odpadnih voda plačujejo dobaviteljem, hranijo podatke o odjemalcih, naprave za pripravo vode, čistilne naprave in črpališča pa vse pogosteje upravljajo na daljavo. Za napadalca to pomeni denar, podatke in dostop do kritičnih sistemov, za katere pogosto skrbi majhna ekipa z malo podpore IT. Večina napadov se ne začne s prebrisanim hekerskim vdorom, temveč s <b>prepričljivim e-poštnim sporočilom, SMS-om ali telefonskim klicem</b> povsem običajnemu zaposlenemu.</p>",
            ),
            ("heading", "Lažni računi dobaviteljev"),
            (
                "paragraph",
                "<p>Kriminalci ugotovijo, kdo so vaši dobavitelji – na primer podjetje, ki vam dobavlja natrijev hipoklorit ali koagulante, ali podjetje, ki servisira vaše črpalke in vodomere. Nato pošljejo račun ali dopis, ki je videti povsem enako kot pravi, in sporočijo, da se je <b>spremenila številka bančnega računa</b>. Včasih sporočilo res pride z dobaviteljevega pravega e-poštnega naslova, ker so napadalci vdrli v njegov poštni predal.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Zahteva za spremembo bančnih podatkov je največji opozorilni znak od vseh. Nikoli je ne sprejmite zgolj na podlagi e-poštnega sporočila: dobavitelja pokličite na številko, ki jo že imate iz pogodbe ali prejšnjih računov, in ne na številko, navedeno v sporočilu.",
                },
            ),
            ("heading", "Lažna tehnična podpora dobavitelja sistema SCADA"),
            (
                "paragraph",
                "<p>Pogost trik je tudi klic ali e-poštno sporočilo nekoga, ki trdi, da je zaposlen pri dobavitelju vašega sistema SCADA ali krmilnikov PLC oziroma pri vašem integratorju avtomatizacije. Govori o <i>nujni varnostni posodobitvi</i> in vas prosi, da namestite orodje za oddaljeni dostop, vzpostavite povezavo ali mu poveste svoje uporabniško ime in geslo za VPN. Pravi dobavitelji delajo prek dogovorjenega kanala za podporo in v načrtovanih terminih vzdrževanja – nikoli od vas ne zahtevajo, da zaobidete lastne postopke.</p>",
            ),
            ("heading", "Prevara z lažnim direktorjem in druge nujne zahteve"),
            (
                "paragraph",
                "<p>Pri prevari z lažnim direktorjem je videti, kot da sporočilo pošilja vaš nadrejeni, predsednik nadzornega sveta ali župan. V njem zahteva nujno in zaupno plačilo ali nakup darilnih kartic, pogosto ravno takrat, ko je znano, da je ta oseba na poti. Tipični znaki so <b>pritisk, skrivnostnost in nenavaden komunikacijski kanal</b>. Preverite, kateri e-poštni naslov se skriva za prikaznim imenom, in osebo pokličite nazaj na številko, ki jo poznate.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Preden kliknete, plačate ali odgovorite",
                    "items": [
                        "Preverite dejanski naslov pošiljatelja, ne le prikazanega imena.",
                        "Vprašajte se, ali ste to sporočilo ali račun pričakovali.",
                        "Bodite sumničavi, če vas kdo priganja, zahteva molčečnost ali vas prosi, da zaobidete običajne postopke.",
                        "Preden kliknete povezavo, se z miško pomaknite nanjo in preverite, kam v resnici vodi.",
                        "Ne odpirajte nepričakovanih prilog, zlasti datotek ZIP ali HTML in dokumentov Office, ki zahtevajo omogočanje makrov.",
                        "Zahteve za plačila in dostop preverite po kanalu, ki ga že poznate.",
                    ],
                },
            ),
            ("heading", "Prijavite hitro – brez strahu"),
            (
                "paragraph",
                "<p>Če ste kliknili povezavo, odprli prilogo ali vnesli geslo na sumljivo stran, to <b>takoj</b> sporočite kontaktni osebi za IT ali nadrejenemu in zamenjajte geslo. Šteje vsaka minuta in nikogar se ne sme kriviti, ker je kaj pošteno prijavil. Sumljiva sporočila lahko posredujete tudi na naslov cert@cert.ee estonski nacionalni skupini za odzivanje na incidente CERT-EE, ki deluje v okviru Urada za informacijske sisteme.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "Ime in telefonsko številko osebe, ki ji prijavljate incidente, izobesite tam, kjer ju vidijo vsi – v nadzorni sobi, v delavnici in na steni v pisarni.",
                },
            ),
            (
                "takeaways",
                [
                    "Spremembo bančnih podatkov vedno preverite po telefonu na številki, ki jo že imate.",
                    "Pravi dobavitelji od vas nikoli ne zahtevajo, da pohitite, zaobidete postopke ali namestite orodja.",
                    "Pritisk, skrivnostnost in nujnost so klasični znaki socialnega inženiringa.",
                    "Klike in sumljiva sporočila prijavite takoj – hiter odziv omeji škodo.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Vaš stalni dobavitelj klora vam po e-pošti sporoči, da ima novo številko bančnega računa, in vas prosi, da naslednji račun plačate nanjo. Kaj storite?",
                "explanation": "Napadalci pogosto vdrejo v poštne predale dobaviteljev, zato sporočilo s pravega naslova ne dokazuje ničesar. Spremembo lahko potrdi le klic na številko, ki jo že imate.",
                "choices": [
                    {
                        "text": "Plačam na novi bančni račun – sporočilo je prišlo z dobaviteljevega običajnega naslova.",
                        "correct": False,
                        "feedback": "V dobaviteljev poštni predal so morda vdrli. Znan naslov ni dokaz.",
                    },
                    {
                        "text": "Odgovorim na sporočilo in prosim za potrditev spremembe.",
                        "correct": False,
                        "feedback": "Če imajo poštni predal v rokah kriminalci, bodo spremembo preprosto potrdili sami.",
                    },
                    {
                        "text": "Dobavitelja pokličem na številko iz pogodbe ali prejšnjih računov.",
                        "correct": True,
                        "feedback": "Pravilno. Neodvisen kanal je edini zanesljiv način preverjanja.",
                    },
                    {
                        "text": "Sporočilo posredujem sodelavcu in ga prosim, naj izvede plačilo.",
                        "correct": False,
                        "feedback": "Tako le prenesete tveganje naprej, ne da bi karkoli preverili.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "Kateri od naštetih so značilni opozorilni znaki spletnega ribarjenja ali socialnega inženiringa? (Izberite vse pravilne odgovore.)",
                "explanation": "Napadalci ustvarjajo pritisk in vas osamijo, da bi ukrepali, preden premislite. Sporočilo v vašem jeziku ali med delovnim časom je nekaj običajnega in samo po sebi ne pove ničesar.",
                "choices": [
                    {
                        "text": "Od vas zahtevajo, da ukrepate nujno.",
                        "correct": True,
                        "feedback": "Pravilno – z nujnostjo vas želijo odvrniti od preverjanja.",
                    },
                    {
                        "text": "Prosijo vas, da zahtevo zamolčite sodelavcem.",
                        "correct": True,
                        "feedback": "Pravilno – skrivnostnost preprečuje, da bi prevaro opazili drugi.",
                    },
                    {
                        "text": "Naslov pošiljatelja se nekoliko razlikuje od prave domene.",
                        "correct": True,
                        "feedback": "Pravilno – podobne domene, na primer rnail namesto mail, so pogoste.",
                    },
                    {
                        "text": "Sporočilo prispe med običajnim delovnim časom.",
                        "correct": False,
                        "feedback": "Čas sam po sebi ni opozorilni znak; napadalci pošiljajo sporočila kadar koli.",
                    },
                    {
                        "text": "Sporočilo je napisano v vašem jeziku.",
                        "correct": False,
                        "feedback": "Sodobna sporočila za spletno ribarjenje so pogosto napisana v tekočem jeziku brez napak.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Pravi dobavitelj sistema SCADA vas lahko nenapovedano pokliče in prosi, da namestite orodje za oddaljeni dostop, da bi lahko namestil nujen popravek.",
                "is_true": False,
                "explanation": "Pravi dobavitelji uporabljajo dogovorjeni kanal za podporo in načrtovano vzdrževanje. Nepričakovana zahteva za namestitev programske opreme za oddaljeni dostop je klasičen napad.",
                "feedback_true": "Ne povsem. Prav tako napadalci vdirajo v krmilne sisteme – vedno preverite po dogovorjenem kanalu.",
                "feedback_false": "Pravilno. Nenapovedane zahteve za namestitev orodij za oddaljeni dostop je treba vedno preveriti in zavrniti.",
            },
            {
                "type": "single_choice",
                "prompt": "V e-poštnem sporočilu ste kliknili povezavo in vnesli geslo na stran, ki je nato prikazala napako. Kaj storite najprej?",
                "explanation": "Napadalec morda vaše geslo že uporablja. Takojšnja prijava in zamenjava gesla omejita, kaj lahko naredi.",
                "choices": [
                    {
                        "text": "Počakam in vidim, ali se bo zgodilo kaj nenavadnega.",
                        "correct": False,
                        "feedback": "Do takrat je napadalec vaš uporabniški račun morda že zlorabil.",
                    },
                    {
                        "text": "Takoj obvestim kontaktno osebo za IT ali nadrejenega in zamenjam geslo.",
                        "correct": True,
                        "feedback": "Pravilno. Hitra prijava daje največ možnosti, da se napad ustavi.",
                    },
                    {
                        "text": "Sporočilo izbrišem in nikomur nič ne rečem, da se izognem zadregi.",
                        "correct": False,
                        "feedback": "Molk pomaga le napadalcu. Poštene prijave so vedno dobrodošle.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "Direktor, ki je na dopustu, vam pošlje e-poštno sporočilo, v katerem zahteva nujno in zaupno plačilo novemu partnerju, in poudari, da o tem ne smete govoriti z nikomer. Kako je najbolje ravnati?",
                "explanation": "Pritisk in skrivnostnost sta značilna znaka prevare z lažnim direktorjem. Klic na znano številko vzame minuto in prevaro ustavi.",
                "choices": [
                    {
                        "text": "Izvedem plačilo – direktor ima pooblastila, da to zahteva.",
                        "correct": False,
                        "feedback": "Prav na to računajo kriminalci. Pooblastila ne nadomestijo preverjanja.",
                    },
                    {
                        "text": "Odgovorim na sporočilo in vprašam, ali je zahteva pristna.",
                        "correct": False,
                        "feedback": "Vaš odgovor lahko pride naravnost do goljufa.",
                    },
                    {
                        "text": "Direktorja pokličem na številko, ki jo že poznam, in upoštevam običajni postopek odobritve.",
                        "correct": True,
                        "feedback": "Pravilno. Preverite po znanem kanalu in nikoli ne preskočite običajnih odobritev.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "E-poštno sporočilo lahko kot pošiljatelja prikazuje znano ime, tudi če je bilo poslano s povsem drugega naslova.",
                "is_true": True,
                "explanation": "Prikazno ime je mogoče nastaviti poljubno. Vedno preverite dejanski naslov – in ne pozabite, da tudi pravi naslov morda pripada poštnemu predalu, v katerega so vdrli napadalci.",
                "feedback_true": "Pravilno. Prikazno ime je lahko ponarediti, zato preverite naslov, ki se skriva za njim.",
                "feedback_false": "Ne povsem. Prikazno ime si lahko vsakdo izbere po mili volji – samo ime ne dokazuje ničesar.",
            },
        ],
    },
    "remote-access-and-ot-hygiene": {
        "title": "Oddaljeni dostop in kibernetska higiena v OT",
        "summary": (
            "Črpalke, krmilnike PLC in sistem SCADA obdržite zunaj dosega napadalcev: brez neposredne "
            "izpostavljenosti internetu, VPN z MFA za dobavitelje, ločeni omrežji IT in OT ter "
            "vsakodnevne navade, ki ohranjajo varnost krmilnih sistemov."
        ),
        "body": [
            ("heading", "Krmilni sistem ni pisarniški računalnik"),
            (
                "paragraph",
                "<p>Krmilniki PLC, operaterski paneli (HMI) in strežniki SCADA upravljajo črpalke, doziranje kemikalij in nivoje v rezervoarjih. Pogosto so v uporabi 15 let ali več, ni jih vedno mogoče hitro posodobiti, zasnovani pa so bili za zaprta omrežja. Če jih napadalec prevzame, posledica niso le izgubljeni podatki, temveč morda tudi <b>prekinjena oskrba ali pitna voda, ki ni varna za uživanje</b>.</p>",
            ),
            (
                "heading",
                "Krmilnikov PLC in panelov HMI nikoli ne izpostavljajte neposredno internetu",
            ),
            (
                "paragraph",
                "<p>Iskalniki, kot je Shodan, neprestano pregledujejo celoten internet in iščejo industrijske naprave. Krmilnik PLC ali panel HMI z javnim naslovom IP in odprtimi vrati – za Modbus, spletni vmesnik ali VNC – bo odkrit v nekaj urah. Konec leta 2023 so napadalci v več vodovodnih podjetjih prevzeli krmilnike PLC, dostopne iz interneta, ki jih je še vedno ščitilo le <b>proizvajalčevo privzeto geslo</b>.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Če lahko panel HMI odprete s telefonom, ne da bi se prej povezali v VPN, ga lahko odpre tudi kdor koli drug v internetu. Integratorja prosite, naj to preveri še danes.",
                },
            ),
            ("heading", "Dostop dobaviteljev: VPN z MFA in le takrat, ko je potreben"),
            (
                "paragraph",
                "<p>Oddaljeni dostop do krmilnega sistema mora potekati izključno prek VPN ali prehoda za oddaljeni dostop, zaščitenega z <b>večfaktorsko avtentikacijo</b> (MFA). Vsaka oseba ima svoj uporabniški račun – skupnih prijavnih podatkov za dobavitelje ni. Dostop dobavitelja se vklopi za dogovorjeni termin vzdrževanja in se nato spet izklopi, vsaka seja pa se beleži. Zunanjim izvajalcem ne dovolite, da na računalnike OT namestijo lastna orodja za oddaljeni dostop.</p>",
            ),
            ("heading", "Omrežji IT in OT naj bosta ločeni"),
            (
                "paragraph",
                "<p>Pisarniško omrežje, v katerem zaposleni berejo e-pošto in brskajo po spletu, mora biti od krmilnega omrežja ločeno s požarnim zidom, ki dovoljuje le resnično potrebne povezave. Podatki, ki morajo prehajati iz enega omrežja v drugo, na primer poročila o meritvah, naj potujejo prek ločenega območja (DMZ). Tako izsiljevalska programska oprema, ki pride po e-pošti, ne more doseči sistema SCADA. Panelov HMI in inženirskih delovnih postaj <i>nikoli</i> ne uporabljajte za branje e-pošte ali brskanje po spletu.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Vsakodnevna higiena OT",
                    "items": [
                        "Zamenjajte privzeta gesla na vseh krmilnikih PLC, panelih HMI, usmerjevalnikih, modemih in kamerah.",
                        "V računalnike OT ne vtikajte neznanih ključkov USB; za prenos datotek uporabljajte le namenski, preverjen ključek.",
                        "Vodite posodobljen seznam vseh naprav krmilnega sistema.",
                        "Zbirajte dnevniške zapise VPN, požarnih zidov in sprememb programov PLC ter jih redno pregledujte.",
                        "Uporabniške račune nekdanjih zaposlenih in dobaviteljev nemudoma odstranite.",
                        "Posodobitve namestite, ko jih preizkusite skupaj z dobaviteljem ali integratorjem.",
                    ],
                },
            ),
            ("heading", "Vedite, kaj imate"),
            (
                "paragraph",
                "<p>Ne morete zaščititi nečesa, za kar ne veste, da obstaja. V popisu naprav naj bodo za vsako napravo zabeleženi model, lokacija, različica vdelane programske opreme, omrežni naslov in odgovorna oseba – vključno z <b>mobilnimi usmerjevalniki in modemi</b> na oddaljenih črpališčih, na katere se hitro pozabi in so pogosto dostopni iz interneta. Dnevniške zapise več mesecev hranite na osrednjem mestu, da lahko v primeru incidenta raziščete, kaj se je zgodilo.</p>",
            ),
            (
                "takeaways",
                [
                    "Noben krmilnik PLC, panel HMI ali strežnik SCADA ne sme biti neposredno dostopen iz interneta.",
                    "Oddaljeni dostop le prek VPN z MFA, z osebnimi uporabniškimi računi in beleženjem sej.",
                    "Pisarniško omrežje IT in omrežje krmilnega sistema naj ločuje požarni zid.",
                    "Privzeta gesla, neznani ključki USB in pozabljeni modemi so za napadalce lahek plen.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Dobavitelj črpalk potrebuje oddaljeni dostop, da bi prilagodil program krmilnika PLC. Katera ureditev je najvarnejša?",
                "explanation": "Dostop prek VPN z MFA, z osebnim uporabniškim računom in v omejenem časovnem oknu vam omogoča nadzor nad tem, kdo se poveže, kdaj in kaj počne.",
                "choices": [
                    {
                        "text": "Na usmerjevalniku preusmerim vrata na panel HMI in ga zaščitim z močnim geslom.",
                        "correct": False,
                        "feedback": "Izpostavljene naprave napadalci hitro odkrijejo in napadejo; samo geslo ne zadostuje.",
                    },
                    {
                        "text": "VPN z MFA, osebni uporabniški račun za dobaviteljevega inženirja in dostop, vklopljen le za dogovorjeni termin vzdrževanja.",
                        "correct": True,
                        "feedback": "Pravilno. Dostop je časovno omejen, vsako sejo pa je mogoče izslediti.",
                    },
                    {
                        "text": "Dobavitelju dovolim, da na inženirsko delovno postajo namesti stalno orodje za oddaljeni dostop.",
                        "correct": False,
                        "feedback": "Stalno in nenadzorovano orodje so zadnja vrata, ki jih lahko uporabijo tudi napadalci.",
                    },
                    {
                        "text": "Dobavitelju dam skupne prijavne podatke operaterjev.",
                        "correct": False,
                        "feedback": "Pri skupnih prijavnih podatkih ni mogoče ugotoviti, kdo je kaj naredil.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "Kateri ukrepi pomagajo pravilno ločiti omrežji IT in OT? (Izberite vse pravilne odgovore.)",
                "explanation": "Ločitev pomeni požarni zid, ki dovoljuje le nujen promet, DMZ za izmenjavo podatkov in nobene pisarniške rabe računalnikov OT. Skupna gesla in neposredne povezave ločitev izničijo.",
                "choices": [
                    {
                        "text": "Požarni zid med pisarniškim in krmilnim omrežjem, ki dovoljuje le nujen promet.",
                        "correct": True,
                        "feedback": "Pravilno – to je jedro ločitve.",
                    },
                    {
                        "text": "Na panelih HMI in inženirskih delovnih postajah se ne bere e-pošte in ne brska po spletu.",
                        "correct": True,
                        "feedback": "Pravilno – s tem odpadejo najpogostejše poti okužbe.",
                    },
                    {
                        "text": "Ločeno območje (DMZ) za izmenjavo podatkov, kot so poročila.",
                        "correct": True,
                        "feedback": "Pravilno – podatki lahko tečejo brez neposredne povezave.",
                    },
                    {
                        "text": "Zaradi udobja enako skrbniško geslo v obeh omrežjih.",
                        "correct": False,
                        "feedback": "Geslo, ukradeno v pisarni, bi potem odprlo tudi krmilno omrežje.",
                    },
                    {
                        "text": "Povezava strežnika SCADA v pisarniško omrežje Wi-Fi.",
                        "correct": False,
                        "feedback": "S tem krmilni sistem neposredno povežete s pisarniškim omrežjem.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Krmilnik PLC je varen pred napadalci iz interneta, če njegov spletni vmesnik uporablja nenavadno številko vrat.",
                "is_true": False,
                "explanation": "Orodja za pregledovanje interneta preverijo vsa vrata, ne le standardnih. Edini varen pristop je, da krmilne naprave niso dostopne iz javnega interneta.",
                "feedback_true": "Ne povsem. Orodja za pregledovanje interneta preverijo vsa vrata, zato nenavadna številka ne skrije ničesar.",
                "feedback_false": "Pravilno. Premik na druga vrata ne zaščiti naprave, ki je izpostavljena internetu.",
            },
            {
                "type": "single_choice",
                "prompt": "Zunanji izvajalec prinese ključek USB s posodobljenim projektom HMI. Kako pravilno ravnate?",
                "explanation": "Ključki USB so znana pot, po kateri zlonamerna programska oprema pride tudi v izolirana omrežja. Pregled datotek na namenskem računalniku in upoštevanje postopka za upravljanje sprememb zmanjšata tveganje.",
                "choices": [
                    {
                        "text": "Ključek vtaknem neposredno v panel HMI – izvajalcu zaupamo.",
                        "correct": False,
                        "feedback": "Tudi izvajalec, ki mu zaupate, lahko nevede prinese okužen ključek.",
                    },
                    {
                        "text": "Datoteke pregledam na namenskem računalniku s posodobljenim protivirusnim programom in jih prenesem, kot je dogovorjeno v postopku za upravljanje sprememb.",
                        "correct": True,
                        "feedback": "Pravilno. Najprej preverite, nato nadzorovano prenesite.",
                    },
                    {
                        "text": "Ključek najprej odprem na pisarniškem računalniku, da vidim, kaj je na njem.",
                        "correct": False,
                        "feedback": "Pisarniški računalnik je morda sam okužen in bi lahko zlonamerno programsko opremo prenesel na ključek.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "Kaj naj vsebuje popis naprav OT? (Izberite vse pravilne odgovore.)",
                "explanation": "Popis mora opisati, kaj posamezna naprava je, kje je, kako je povezana in kdo je zanjo odgovoren. Gesla vanj ne sodijo – privzetih gesel pa sploh ne bi smelo biti več.",
                "choices": [
                    {
                        "text": "Model in lokacijo naprave",
                        "correct": True,
                        "feedback": "Pravilno.",
                    },
                    {
                        "text": "Različico vdelane programske opreme ali programske opreme",
                        "correct": True,
                        "feedback": "Pravilno – potrebujete jo, da veste, katere ranljivosti vas zadevajo.",
                    },
                    {
                        "text": "Omrežni naslov in vrsto povezave, vključno z mobilnimi modemi",
                        "correct": True,
                        "feedback": "Pravilno – pozabljeni modemi so pogosta šibka točka.",
                    },
                    {
                        "text": "Privzeto geslo vsake naprave v nešifrirani obliki",
                        "correct": False,
                        "feedback": "Gesla ne sodijo v popis, privzeta gesla pa bi morala biti že zamenjana.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Dnevniški zapisi prijav v VPN in sprememb programov PLC vam po incidentu pomagajo ugotoviti, kaj se je zgodilo.",
                "is_true": True,
                "explanation": "Brez dnevniških zapisov ne morete ugotoviti, kdo se je povezal, kdaj in kaj je bilo spremenjeno. Hranite jih na osrednjem mestu in jih obdržite več mesecev.",
                "feedback_true": "Pravilno. Dnevniški zapisi so pogosto edini dokaz o tem, kaj se je v resnici zgodilo.",
                "feedback_false": "Ne povsem. Dnevniški zapisi so nujni za preiskovanje incidentov.",
            },
        ],
    },
    "backups-and-incident-response": {
        "title": "Varnostne kopije in odzivanje na incidente",
        "summary": (
            "Poskrbite, da si bo vaše podjetje lahko opomoglo po napadu z izsiljevalsko programsko "
            "opremo ali po okvari sistema: varnostne kopije, iz katerih ste podatke že dejansko "
            "obnovili, kopije konfiguracij krmilnikov PLC in jasen načrt, kdo kaj naredi, ko gre kaj "
            "narobe."
        ),
        "body": [
            ("heading", "Pravilo 3-2-1"),
            (
                "paragraph",
                "<p>Od pomembnih podatkov hranite vsaj <b>tri kopije</b> na <b>dveh različnih vrstah</b> nosilcev podatkov, pri čemer je <b>ena kopija na drugi lokaciji</b>. Vsaj ena kopija mora biti tudi <i>brez povezave ali nespremenljiva</i> (odklopljena ali zaščitena pred pisanjem), saj sodobna izsiljevalska programska oprema najprej poišče priključene diske z varnostnimi kopijami in omrežne mape ter jih šifrira ali izbriše.</p>",
            ),
            ("heading", "Ne pozabite na konfiguracije krmilnikov PLC in panelov HMI"),
            (
                "paragraph",
                "<p>Podatki za obračun in računovodstvo so običajno varnostno kopirani, krmilni sistem pa pogosto ne. Programi PLC, projekti HMI, konfiguracija sistema SCADA, nastavitve omrežnih naprav, različice vdelane programske opreme in nastavitvene vrednosti so včasih shranjeni le na integratorjevem prenosniku. Hranite lastno posodobljeno kopijo, vključno s prejšnjimi različicami, shranjujte jo brez povezave v omrežje in jo osvežite po vsaki spremembi. Predajo teh datotek določite kot obveznost v pogodbi o vzdrževanju.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Varnostna kopija, iz katere še nikoli niste obnovili podatkov, je le upanje. Obnovitev redno preizkušajte – vsaj dvakrat na leto – in pri tem preizkusite tudi nalaganje programa PLC na rezervno strojno opremo.",
                },
            ),
            ("heading", "Ko se kaj zgodi: prvi koraki"),
            (
                "paragraph",
                "<p>Opozorilni znaki so na primer datoteke, ki se nenadoma ne odprejo ali imajo nenavadne končnice, zahteva za odkupnino na zaslonu, vrednosti na panelu HMI, ki nimajo smisla, ali nastavitvene vrednosti, ki se spreminjajo, ne da bi se jih kdo dotaknil. Prizadete računalnike <b>izolirajte</b> tako, da izključite omrežni kabel ali prekinete povezavo Wi-Fi, vendar jih ne izklapljajte – v pomnilniku in dnevniških zapisih so lahko pomembni dokazi. Nato takoj obvestite vodjo odziva na incidente.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Seznam kontaktov za incidente – natisnite ga in hranite ob telefonu",
                    "items": [
                        "Vodja odziva na incidente in njegov namestnik s številkama mobilnih telefonov.",
                        "Vaš ponudnik storitev IT in integrator sistema SCADA s številkami za dosegljivost zunaj delovnega časa.",
                        "CERT-EE, nacionalni CSIRT pri estonskem Uradu za informacijske sisteme: cert@cert.ee.",
                        "Policija, če gre za kaznivo dejanje, na primer izsiljevanje.",
                        "Zdravstveni urad (Terviseamet), če bi lahko bila ogrožena kakovost pitne vode.",
                        "Vaša zavarovalnica, lastnik ali občina ter oseba, ki skrbi za komunikacijo z odjemalci.",
                    ],
                },
            ),
            ("heading", "Ročno upravljanje kot rezervna rešitev"),
            (
                "paragraph",
                "<p>Če krmilnemu sistemu ni mogoče zaupati, mora voda kljub temu teči. Poskrbite, da lahko pripravo oziroma čiščenje vode in črpanje <b>več dni upravljate ročno</b>: potrebujete natisnjena navodila in nastavitvene vrednosti, usposobljeno osebje, delujoče lokalne krmilne plošče, ročno vzorčenje in preverjanje doziranja kemikalij ter razpored dežurstev. Prehod na ročno upravljanje vadite vsaj enkrat na leto.</p>",
            ),
            (
                "heading",
                "Izsiljevalska programska oprema: ne plačajte – izolirajte, prijavite, obnovite",
            ),
            (
                "paragraph",
                "<p>Plačilo ne zagotavlja, da boste podatke dobili nazaj ali da ukradeni podatki ne bodo objavljeni. Z njim financirate nadaljnji kriminal, kriminalcem pa sporočite, da ste pripravljeni plačati. Okužene sisteme izolirajte, zavarujte dokaze ter incident prijavite centru CERT-EE in policiji. Iz čistih varnostnih kopij obnovite podatke šele, ko je pot vdora odkrita in zaprta, in zamenjajte vsa gesla. Če za vaše podjetje velja estonski zakon o kibernetski varnosti, je prijava pomembnih incidentov Uradu za informacijske sisteme tudi <b>zakonska obveznost</b>.</p>",
            ),
            (
                "takeaways",
                [
                    "Upoštevajte pravilo 3-2-1 in vsaj eno kopijo hranite brez povezave ali nespremenljivo.",
                    "Programe PLC, projekte HMI in omrežne nastavitve varnostno kopirajte po vsaki spremembi.",
                    "Obnovitev in ročno upravljanje preizkusite in vadite, preden ju boste potrebovali.",
                    "Ob incidentu: izolirajte, ne izklapljajte, pokličite vodjo odziva na incidente in incident prijavite centru CERT-EE.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Kaj pomeni pravilo varnostnega kopiranja 3-2-1?",
                "explanation": "Tri kopije na dveh vrstah nosilcev podatkov, od katerih je ena shranjena drugje, pomenijo, da nobena posamezna okvara, požar ali napad ne more uničiti vseh vaših podatkov.",
                "choices": [
                    {
                        "text": "Tri kopije podatkov na dveh različnih vrstah nosilcev, od tega ena na drugi lokaciji.",
                        "correct": True,
                        "feedback": "Pravilno.",
                    },
                    {
                        "text": "Tri varnostne kopije na dan, ki se dva tedna hranijo na enem strežniku.",
                        "correct": False,
                        "feedback": "Pogostost je pomembna, a če je vse na enem strežniku, ena sama okvara uniči vse.",
                    },
                    {
                        "text": "Trije skrbniki, dve gesli in en disk za varnostne kopije.",
                        "correct": False,
                        "feedback": "To s pravilom 3-2-1 nima nobene zveze.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Varnostna kopija se je zares izkazala šele, ko ste iz nje na preizkusu uspešno obnovili podatke.",
                "is_true": True,
                "explanation": "Varnostno kopiranje lahko neopazno odpove – zaradi manjkajočih datotek, poškodovanih nosilcev ali pozabljenega gesla. Le preizkusna obnovitev pokaže, da bo obnova res delovala.",
                "feedback_true": "Pravilno. Nepreizkušene varnostne kopije pogosto odpovejo prav takrat, ko jih potrebujete.",
                "feedback_false": "Ne povsem. Številne organizacije šele med incidentom ugotovijo, da iz svojih varnostnih kopij ne morejo obnoviti podatkov.",
            },
            {
                "type": "multiple_choice",
                "prompt": "Kaj naj manjše vodovodno podjetje vključi v varnostne kopije? (Izberite vse pravilne odgovore.)",
                "explanation": "Podjetje mora biti sposobno obnoviti tako pisarniške podatke kot konfiguracijo krmilnega sistema. Če se zanašate samo na integratorja, ste odvisni od enega samega prenosnika.",
                "choices": [
                    {
                        "text": "Programe PLC in projekte HMI",
                        "correct": True,
                        "feedback": "Pravilno – brez njih lahko ponovna vzpostavitev krmilnega sistema traja več tednov.",
                    },
                    {
                        "text": "Podatke o odjemalcih in obračunu",
                        "correct": True,
                        "feedback": "Pravilno.",
                    },
                    {
                        "text": "Nastavitve požarnega zidu in usmerjevalnikov",
                        "correct": True,
                        "feedback": "Pravilno – tudi omrežje je treba znova vzpostaviti.",
                    },
                    {
                        "text": "Ničesar iz krmilnega sistema – kopijo hrani integrator",
                        "correct": False,
                        "feedback": "Integratorjeva kopija je lahko zastarela, izgubljena ali v ključnem trenutku nedosegljiva.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "Na pisarniškem računalniku se nenadoma prikaže zahteva za odkupnino, datoteke pa imajo nenavadne nove končnice. Kateri je pravilen prvi korak?",
                "explanation": "Odklop iz omrežja ustavi širjenje, dokazi v pomnilniku pa se ohranijo; nadaljnje ukrepe nato usklajuje vodja odziva na incidente.",
                "choices": [
                    {
                        "text": "Takoj izklopim napajanje vseh računalnikov.",
                        "correct": False,
                        "feedback": "Izklop lahko uniči dokaze v pomnilniku. Računalnik raje odklopite iz omrežja.",
                    },
                    {
                        "text": "Računalnik odklopim iz omrežja in obvestim vodjo odziva na incidente.",
                        "correct": True,
                        "feedback": "Pravilno. Izolirajte, pustite računalnik prižgan in sprožite alarm.",
                    },
                    {
                        "text": "Hitro plačam odkupnino, da bo izpad čim krajši.",
                        "correct": False,
                        "feedback": "Plačilo ne zagotavlja ničesar in financira nove napade.",
                    },
                    {
                        "text": "Kliknem povezavo v zahtevi za odkupnino, da stopim v stik z napadalci.",
                        "correct": False,
                        "feedback": "Z napadalci ne komunicirajte – to prepustite strokovnjakom in policiji.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "Sistem SCADA prikazuje spremembe nastavitvenih vrednosti, ki jih ni naredil nihče, in sistemu ne morete več zaupati. Kaj naj storijo operaterji?",
                "explanation": "Oskrba z vodo in varnost sta na prvem mestu. Ročno upravljanje po pripravljenem postopku ohranja obratovanje, medtem ko se incident preiskuje.",
                "choices": [
                    {
                        "text": "Nadaljujemo v samodejnem načinu in počakamo, da zadevo razišče IT.",
                        "correct": False,
                        "feedback": "Če sistemu ni mogoče zaupati, lahko v samodejnem načinu nastaja voda, ki ni varna.",
                    },
                    {
                        "text": "Po natisnjenih navodilih preidemo na ročno upravljanje in kakovost vode pogosteje preverjamo ročno.",
                        "correct": True,
                        "feedback": "Pravilno. Tako ostane oskrba varna, medtem ko se išče vzrok.",
                    },
                    {
                        "text": "Takoj zaustavimo celoten obrat in o tem nikogar ne obvestimo.",
                        "correct": False,
                        "feedback": "Neusklajena zaustavitev lahko že sama prekine oskrbo – sledite načrtu in obvestite vodjo odziva na incidente.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Plačilo odkupnine zagotavlja, da boste podatke dobili nazaj in da ne bodo objavljeni.",
                "is_true": False,
                "explanation": "Kriminalci pogosto ne predajo delujočega ključa za dešifriranje, podatke kljub temu objavijo ali se vrnejo z novimi zahtevami. Pristojni organi odsvetujejo plačilo.",
                "feedback_true": "Ne povsem. Jamstva ni – s plačilom pa postanete tarča ponovnih napadov.",
                "feedback_false": "Pravilno. Plačilo ne zagotavlja ničesar in financira nadaljnji kriminal.",
            },
        ],
    },
}

PROGRAMMES = {
    "water-industry-sme-cyber-resilience-estonia": {
        "title": "Program kibernetske odpornosti za mala in srednja podjetja v vodnem sektorju",
        "intro": (
            "<p>Ta razvojni program Urada za informacijske sisteme Republike Estonije pomaga manjšim "
            "vodovodnim podjetjem in upravljavcem sistemov za odvajanje in čiščenje odpadnih voda "
            "zaščititi storitve, na katere se ljudje zanašajo vsak dan. Napadi na vodni sektor so vse "
            "pogostejši, manjši upravljavci pa so pogosto najlažja tarča.</p>"
            "<p>Štirje moduli obravnavajo spletno ribarjenje, usmerjeno v zaposlene v komunalnih "
            "podjetjih, varen oddaljeni dostop do krmilnih sistemov, varnostne kopije in odzivanje na "
            "incidente ter močna gesla z večfaktorsko avtentikacijo. Vsak modul traja 10–15 minut in se "
            "konča s kratkim preizkusom znanja.</p>"
        ),
        "audience": (
            "Zaposleni, vodje in operaterji v malih in srednje velikih podjetjih za oskrbo s pitno vodo "
            "ter odvajanje in čiščenje odpadnih voda v Estoniji skupaj z njihovimi partnerji za IT in "
            "avtomatizacijo."
        ),
    },
}
