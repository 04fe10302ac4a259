"""Demo content for the SME cyber-resilience training site.

Sectors, regions, site texts, training modules (lessons and quizzes) and
regional programmes, in all supported languages.
"""

from __future__ import annotations

LANGUAGES = ["en", "et", "fr", "it", "sk", "sl", "es"]


SECTORS = [
    {
        "slug": "water",
        "names": {
            "en": "Water and wastewater",
            "et": "Vesi ja reovesi",
            "fr": "Eau et assainissement",
            "it": "Acqua e acque reflue",
            "sk": "Voda a odpadové vody",
            "sl": "Voda in odpadne vode",
            "es": "Agua y aguas residuales",
        },
    },
    {
        "slug": "energy",
        "names": {
            "en": "Energy",
            "et": "Energeetika",
            "fr": "Énergie",
            "it": "Energia",
            "sk": "Energetika",
            "sl": "Energetika",
            "es": "Energía",
        },
    },
    {
        "slug": "health",
        "names": {
            "en": "Health and care",
            "et": "Tervishoid ja hoolekanne",
            "fr": "Santé et action sociale",
            "it": "Sanità e assistenza",
            "sk": "Zdravotníctvo a sociálne služby",
            "sl": "Zdravstvo in socialno varstvo",
            "es": "Sanidad y servicios sociales",
        },
    },
    {
        "slug": "manufacturing",
        "names": {
            "en": "Manufacturing",
            "et": "Töötlev tööstus",
            "fr": "Industrie manufacturière",
            "it": "Industria manifatturiera",
            "sk": "Priemyselná výroba",
            "sl": "Predelovalna industrija",
            "es": "Industria manufacturera",
        },
    },
    {
        "slug": "agri-food",
        "names": {
            "en": "Agriculture and food",
            "et": "Põllumajandus ja toiduainetööstus",
            "fr": "Agriculture et agroalimentaire",
            "it": "Agricoltura e agroalimentare",
            "sk": "Poľnohospodárstvo a potravinárstvo",
            "sl": "Kmetijstvo in živilstvo",
            "es": "Agricultura y agroalimentación",
        },
    },
    {
        "slug": "transport",
        "names": {
            "en": "Transport and logistics",
            "et": "Transport ja logistika",
            "fr": "Transport et logistique",
            "it": "Trasporti e logistica",
            "sk": "Doprava a logistika",
            "sl": "Promet in logistika",
            "es": "Transporte y logística",
        },
    },
    {
        "slug": "retail",
        "names": {
            "en": "Retail and trade",
            "et": "Kaubandus",
            "fr": "Commerce",
            "it": "Commercio",
            "sk": "Obchod",
            "sl": "Trgovina",
            "es": "Comercio",
        },
    },
    {
        "slug": "finance",
        "names": {
            "en": "Finance and insurance",
            "et": "Finants- ja kindlustustegevus",
            "fr": "Finance et assurance",
            "it": "Finanza e assicurazioni",
            "sk": "Financie a poisťovníctvo",
            "sl": "Finance in zavarovalništvo",
            "es": "Finanzas y seguros",
        },
    },
    {
        "slug": "public-sector",
        "names": {
            "en": "Public sector",
            "et": "Avalik sektor",
            "fr": "Secteur public",
            "it": "Pubblica amministrazione",
            "sk": "Verejná správa",
            "sl": "Javni sektor",
            "es": "Sector público",
        },
    },
    {
        "slug": "ict",
        "names": {
            "en": "ICT and digital services",
            "et": "IKT ja digiteenused",
            "fr": "Numérique et services informatiques",
            "it": "ICT e servizi digitali",
            "sk": "IKT a digitálne služby",
            "sl": "IKT in digitalne storitve",
            "es": "TIC y servicios digitales",
        },
    },
    {
        "slug": "tourism",
        "names": {
            "en": "Tourism and hospitality",
            "et": "Turism, majutus ja toitlustus",
            "fr": "Tourisme et hôtellerie-restauration",
            "it": "Turismo e ospitalità",
            "sk": "Cestovný ruch a pohostinstvo",
            "sl": "Turizem in gostinstvo",
            "es": "Turismo y hostelería",
        },
    },
    {
        "slug": "construction",
        "names": {
            "en": "Construction",
            "et": "Ehitus",
            "fr": "Bâtiment et travaux publics",
            "it": "Edilizia",
            "sk": "Stavebníctvo",
            "sl": "Gradbeništvo",
            "es": "Construcción",
        },
    },
]

REGIONS = [
    {
        "code": "EE",
        "country": "EE",
        "default_language": "et",
        "names": {
            "en": "Estonia",
            "et": "Eesti",
            "fr": "Estonie",
            "it": "Estonia",
            "sk": "Estónsko",
            "sl": "Estonija",
            "es": "Estonia",
        },
    },
    {
        "code": "FR-BRE",
        "country": "FR",
        "default_language": "fr",
        "names": {
            "en": "Brittany",
            "et": "Bretagne",
            "fr": "Bretagne",
            "it": "Bretagna",
            "sk": "Bretónsko",
            "sl": "Bretanja",
            "es": "Bretaña",
        },
    },
    {
        "code": "SK-KI",
        "country": "SK",
        "default_language": "sk",
        "names": {
            "en": "Košice Region",
            "et": "Košice kraj",
            "fr": "Région de Košice",
            "it": "Regione di Košice",
            "sk": "Košický kraj",
            "sl": "Košiški kraj",
            "es": "Región de Košice",
        },
    },
    {
        "code": "IT-52",
        "country": "IT",
        "default_language": "it",
        "names": {
            "en": "Tuscany",
            "et": "Toscana",
            "fr": "Toscane",
            "it": "Toscana",
            "sk": "Toskánsko",
            "sl": "Toskana",
            "es": "Toscana",
        },
    },
    {
        "code": "BE-WAL",
        "country": "BE",
        "default_language": "fr",
        "names": {
            "en": "Wallonia",
            "et": "Valloonia",
            "fr": "Wallonie",
            "it": "Vallonia",
            "sk": "Valónsko",
            "sl": "Valonija",
            "es": "Valonia",
        },
    },
    {
        "code": "SI",
        "country": "SI",
        "default_language": "sl",
        "names": {
            "en": "Slovenia",
            "et": "Sloveenia",
            "fr": "Slovénie",
            "it": "Slovenia",
            "sk": "Slovinsko",
            "sl": "Slovenija",
            "es": "Eslovenia",
        },
    },
    {
        "code": "ES-CL",
        "country": "ES",
        "default_language": "es",
        "names": {
            "en": "Castile and León",
            "et": "Kastiilia ja León",
            "fr": "Castille-et-León",
            "it": "Castiglia e León",
            "sk": "Kastília a León",
            "sl": "Kastilja in León",
            "es": "Castilla y León",
        },
    },
]
# Demo privacy contacts: fictitious programme offices (example.org addresses).
REGION_CONTACTS = {
    "EE": {
        "operator_name": "Estonian SME Cyber Programme Office",
        "contact_email": "privacy.ee@cyberaware.example.org",
        "contact_phone": "+372 600 1234",
        "contact_address": "Tartu mnt 10\n10145 Tallinn\nEstonia",
    },
    "FR-BRE": {
        "operator_name": "Agence bretonne de cybersécurité des PME",
        "contact_email": "dpo.bretagne@cyberaware.example.org",
        "contact_phone": "+33 2 99 00 12 34",
        "contact_address": "12 rue de la Monnaie\n35000 Rennes\nFrance",
    },
    "SK-KI": {
        "operator_name": "Košická regionálna agentúra pre kybernetickú bezpečnosť",
        "contact_email": "gdpr.kosice@cyberaware.example.org",
        "contact_phone": "+421 55 600 1234",
        "contact_address": "Hlavná 20\n040 01 Košice\nSlovakia",
    },
    "IT-52": {
        "operator_name": "Agenzia toscana per la sicurezza digitale delle PMI",
        "contact_email": "privacy.toscana@cyberaware.example.org",
        "contact_phone": "+39 055 000 1234",
        "contact_address": "Via dei Servi 15\n50122 Firenze\nItaly",
    },
    "BE-WAL": {
        "operator_name": "Agence wallonne pour la cybersécurité des entreprises",
        "contact_email": "dpo.wallonie@cyberaware.example.org",
        "contact_phone": "+32 81 00 12 34",
        "contact_address": "Rue de Fer 25\n5000 Namur\nBelgium",
    },
    "SI": {
        "operator_name": "Slovenska pisarna programa za kibernetsko varnost MSP",
        "contact_email": "zasebnost.si@cyberaware.example.org",
        "contact_phone": "+386 1 600 12 34",
        "contact_address": "Trubarjeva 5\n1000 Ljubljana\nSlovenia",
    },
    "ES-CL": {
        "operator_name": "Oficina de ciberseguridad para pymes de Castilla y León",
        "contact_email": "privacidad.cyl@cyberaware.example.org",
        "contact_phone": "+34 983 00 12 34",
        "contact_address": "Calle Santiago 8\n47001 Valladolid\nSpain",
    },
}

SITE = {
    "en": {
        "home_title": "Cyber-resilient SMEs",
        "home_intro": (
            "Short, practical cyber security lessons for people who work in small "
            "and medium-sized businesses. Each module takes 10–15 minutes, ends with "
            "a quiz and is tailored to your sector and available in your language. "
            "Free for SME employees in the participating regions."
        ),
        "sectors_heading": "Browse by sector",
        "programmes_heading": "Regional programmes",
        "modules_index_title": "All modules",
        "modules_index_intro": (
            "Pick a module, read the lesson and test what you have learned with a short quiz."
        ),
    },
    "et": {
        "home_title": "Küberkindel VKE",
        "home_intro": (
            "Lühikesed ja praktilised küberturbe õppetunnid väikeste ja keskmise "
            "suurusega ettevõtete töötajatele. Iga moodul võtab aega 10–15 minutit, "
            "lõpeb testiga, on kohandatud sinu tegevusalale ja saadaval sinu keeles. "
            "Osalevate piirkondade VKEde töötajatele on õpe tasuta."
        ),
        "sectors_heading": "Vali tegevusala",
        "programmes_heading": "Piirkondlikud programmid",
        "modules_index_title": "Kõik moodulid",
        "modules_index_intro": (
            "Vali moodul, loe õppetekst läbi ja kontrolli lühikese testiga, mida õppisid."
        ),
    },
    "fr": {
        "home_title": "PME cyber-résilientes",
        "home_intro": (
            "Des leçons courtes et pratiques de cybersécurité pour les personnes qui "
            "travaillent dans les petites et moyennes entreprises. Chaque module dure "
            "10 à 15 minutes, se termine par un quiz et est adapté à votre secteur, dans "
            "votre langue. Gratuit pour les salariés des PME des régions participantes."
        ),
        "sectors_heading": "Parcourir par secteur",
        "programmes_heading": "Programmes régionaux",
        "modules_index_title": "Tous les modules",
        "modules_index_intro": (
            "Choisissez un module, lisez la leçon et vérifiez vos acquis grâce à un court quiz."
        ),
    },
    "it": {
        "home_title": "PMI cyber-resilienti",
        "home_intro": (
            "Lezioni brevi e pratiche di sicurezza informatica per chi lavora nelle "
            "piccole e medie imprese. Ogni modulo richiede 10–15 minuti, si conclude con "
            "un quiz ed è pensato per il tuo settore, nella tua lingua. Gratuito per i "
            "dipendenti delle PMI delle regioni partecipanti."
        ),
        "sectors_heading": "Esplora per settore",
        "programmes_heading": "Programmi regionali",
        "modules_index_title": "Tutti i moduli",
        "modules_index_intro": (
            "Scegli un modulo, leggi la lezione e verifica ciò che hai imparato con un breve quiz."
        ),
    },
    "sk": {
        "home_title": "Kyberneticky odolné MSP",
        "home_intro": (
            "Krátke a praktické lekcie o kybernetickej bezpečnosti pre ľudí, ktorí "
            "pracujú v malých a stredných podnikoch. Každý modul trvá 10 – 15 minút, "
            "končí sa kvízom, je prispôsobený vášmu odvetviu a dostupný vo vašom jazyku. "
            "Pre zamestnancov MSP v zapojených regiónoch je bezplatný."
        ),
        "sectors_heading": "Podľa odvetvia",
        "programmes_heading": "Regionálne programy",
        "modules_index_title": "Všetky moduly",
        "modules_index_intro": (
            "Vyberte si modul, prečítajte si lekciu a krátkym kvízom si overte, čo ste sa naučili."
        ),
    },
    "sl": {
        "home_title": "Kibernetsko odporna MSP",
        "home_intro": (
            "Kratke in praktične lekcije o kibernetski varnosti za zaposlene v malih in "
            "srednje velikih podjetjih. Vsak modul traja 10–15 minut, se konča s kvizom, "
            "je prilagojen vaši dejavnosti in na voljo v vašem jeziku. Za zaposlene v "
            "MSP iz sodelujočih regij je brezplačen."
        ),
        "sectors_heading": "Po dejavnostih",
        "programmes_heading": "Regionalni programi",
        "modules_index_title": "Vsi moduli",
        "modules_index_intro": (
            "Izberite modul, preberite lekcijo in s kratkim kvizom preverite, kaj ste se naučili."
        ),
    },
    "es": {
        "home_title": "Pymes ciberresilientes",
        "home_intro": (
            "Lecciones breves y prácticas de ciberseguridad para quienes trabajan en "
            "pequeñas y medianas empresas. Cada módulo dura entre 10 y 15 minutos, "
            "termina con un cuestionario y está adaptado a tu sector y disponible en tu "
            "idioma. Gratuito para el personal de las pymes de las regiones participantes."
        ),
        "sectors_heading": "Explorar por sector",
        "programmes_heading": "Programas regionales",
        "modules_index_title": "Todos los módulos",
        "modules_index_intro": (
            "Elige un módulo, lee la lección y comprueba lo aprendido con un breve cuestionario."
        ),
    },
}


PHISHING_AT_THE_WATER_UTILITY = {
    "slug": "phishing-at-the-water-utility",
    "estimated_minutes": 10,
    "level": "beginner",
    "sectors": ["water"],
    "topics": [
        "phishing",
        "email",
        "social-engineering",
        "ceo-fraud",
        "invoice-fraud",
        "reporting",
    ],
    "pass_mark": 70,
    "attempt_limit": 3,
    "languages": {
        "en": {
            "title": "Phishing at the water utility",
            "summary": (
                "Recognise the fake invoices, bogus vendor support calls and CEO fraud aimed at "
                "water and wastewater utilities, and know how to report them quickly."
            ),
            "body": [
                ("heading", "Why attackers target water utilities"),
                (
                    "paragraph",
                    "<p>Small water and wastewater utilities pay suppliers, hold customer data and increasingly run treatment plants and pumping stations remotely. To an attacker this means money, data and access to critical systems – often looked after by a small team with little IT support. Most attacks do not start with clever hacking but with a <b>convincing email, text message or phone call</b> to an ordinary employee.</p>",
                ),
                ("heading", "Fake invoices from suppliers"),
                (
                    "paragraph",
                    "<p>Criminals find out who your suppliers are – for example the company that delivers sodium hypochlorite or coagulants, or the firm that services your pumps and water meters. They then send an invoice or letter that looks exactly like the real thing and announce that the <b>bank account has changed</b>. Sometimes the email really does come from the supplier's own address, because the supplier's mailbox has been hacked.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "A request to change bank details is the biggest red flag of all. Never accept it on the strength of an email alone: call the supplier on a number you already have from the contract or earlier invoices, not one given in the message.",
                    },
                ),
                ("heading", "Fake SCADA vendor support"),
                (
                    "paragraph",
                    "<p>Another common trick is a call or email from someone who claims to work for your SCADA or PLC vendor or your automation integrator. They talk about an <i>urgent security update</i> and ask you to install a remote-access tool, open a connection or read out your VPN username and password. Genuine vendors work through the agreed support channel and planned maintenance windows – they never need you to bypass your own procedures.</p>",
                ),
                ("heading", "CEO fraud and other urgent requests"),
                (
                    "paragraph",
                    "<p>In CEO fraud the message appears to come from your manager, the chair of the board or the mayor. It asks for an urgent, confidential payment or for gift cards, often at a time when that person is known to be travelling. The typical signs are <b>pressure, secrecy and an unusual channel</b>. Check which email address is hiding behind the display name and call the person back on a number you know.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Before you click, pay or reply",
                        "items": [
                            "Check the sender's actual address, not just the name shown.",
                            "Ask yourself whether you were expecting this message or invoice.",
                            "Be suspicious of urgency, secrecy and requests to bypass normal procedures.",
                            "Hover over a link to see where it really leads before you click.",
                            "Do not open unexpected attachments, especially ZIP or HTML files and Office documents that ask you to enable macros.",
                            "Verify payment and access requests through a channel you already know.",
                        ],
                    },
                ),
                ("heading", "Report quickly – without fear"),
                (
                    "paragraph",
                    "<p>If you clicked a link, opened an attachment or typed your password into a suspicious page, report it <b>immediately</b> to your IT contact or manager and change the password. Minutes matter, and nobody should ever be blamed for reporting honestly. Suspicious messages can also be forwarded to CERT-EE at cert@cert.ee, the national incident response team at the Information System Authority.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Put the name and phone number of your reporting contact where everyone can see it – in the control room, in the workshop and on the office wall.",
                    },
                ),
                (
                    "takeaways",
                    [
                        "Always verify a change of bank details by phone, using a number you already have.",
                        "Genuine vendors never ask you to rush, bypass procedures or install tools.",
                        "Pressure, secrecy and urgency are the classic signs of social engineering.",
                        "Report clicks and suspicious messages at once – speed limits the damage.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "An email from your usual chlorine supplier says their bank account has changed and asks you to pay the next invoice into the new account. What should you do?",
                    "explanation": "Supplier mailboxes are often hacked, so an email from the real address proves nothing. Only a call to a number you already have can confirm the change.",
                    "choices": [
                        {
                            "text": "Pay into the new account – the email came from the supplier's usual address.",
                            "correct": False,
                            "feedback": "The supplier's mailbox may have been hacked. A familiar address is not proof.",
                        },
                        {
                            "text": "Reply to the email and ask them to confirm the change.",
                            "correct": False,
                            "feedback": "If criminals control the mailbox, they will simply confirm it themselves.",
                        },
                        {
                            "text": "Call the supplier on the number from your contract or earlier invoices.",
                            "correct": True,
                            "feedback": "Correct. An independent channel is the only reliable check.",
                        },
                        {
                            "text": "Forward the email to a colleague and ask them to make the payment.",
                            "correct": False,
                            "feedback": "This only passes the risk on without checking anything.",
                        },
                    ],
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Which of these are typical warning signs of phishing or social engineering? (Select all that apply.)",
                    "explanation": "Attackers create pressure and isolate you so that you act before you think. A message in your own language or during office hours is normal and tells you nothing.",
                    "choices": [
                        {
                            "text": "You are asked to act urgently.",
                            "correct": True,
                            "feedback": "Correct – urgency is used to stop you from checking.",
                        },
                        {
                            "text": "You are asked to keep the request secret from colleagues.",
                            "correct": True,
                            "feedback": "Correct – secrecy stops others from spotting the fraud.",
                        },
                        {
                            "text": "The sender's address differs slightly from the real domain.",
                            "correct": True,
                            "feedback": "Correct – look-alike domains, such as rnail instead of mail, are common.",
                        },
                        {
                            "text": "The message arrives during normal office hours.",
                            "correct": False,
                            "feedback": "Timing alone is not a warning sign; attackers send messages at any time.",
                        },
                        {
                            "text": "The message is written in your own language.",
                            "correct": False,
                            "feedback": "Modern phishing is often written in fluent, error-free language.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "A genuine SCADA vendor may call you unannounced and ask you to install a remote-access tool so that they can apply an urgent patch.",
                    "is_true": False,
                    "explanation": "Genuine vendors use the agreed support channel and planned maintenance. An unexpected request to install remote-access software is a classic attack.",
                    "feedback_true": "Not quite. This is exactly how attackers get into control systems – always check through the agreed channel.",
                    "feedback_false": "Correct. Unannounced requests to install remote-access tools must always be checked and refused.",
                },
                {
                    "type": "single_choice",
                    "prompt": "You clicked a link in an email and entered your password on a page that then showed an error. What should you do first?",
                    "explanation": "The attacker may already be using your password. Reporting at once and changing the password limits what they can do.",
                    "choices": [
                        {
                            "text": "Wait and see whether anything strange happens.",
                            "correct": False,
                            "feedback": "By then the attacker may already have used your account.",
                        },
                        {
                            "text": "Report it to your IT contact or manager immediately and change the password.",
                            "correct": True,
                            "feedback": "Correct. Fast reporting gives the best chance of stopping the attack.",
                        },
                        {
                            "text": "Delete the email and say nothing to avoid embarrassment.",
                            "correct": False,
                            "feedback": "Staying quiet only helps the attacker. Honest reports are always welcome.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "The director, who is on holiday, emails you asking for an urgent, confidential payment to a new partner and says you must not discuss it with anyone. What is the best response?",
                    "explanation": "Pressure and secrecy are the hallmarks of CEO fraud. A call to a known number takes a minute and stops the fraud.",
                    "choices": [
                        {
                            "text": "Make the payment – the director has the authority to ask.",
                            "correct": False,
                            "feedback": "Criminals count on exactly this. Authority does not replace verification.",
                        },
                        {
                            "text": "Reply to the email and ask whether the request is genuine.",
                            "correct": False,
                            "feedback": "Your reply may go straight to the fraudster.",
                        },
                        {
                            "text": "Call the director on a number you already know and follow the normal approval procedure.",
                            "correct": True,
                            "feedback": "Correct. Verify through a known channel and never skip the usual approvals.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "An email can show a familiar name as the sender even when it was sent from a completely different address.",
                    "is_true": True,
                    "explanation": "The display name can be set to anything. Always check the actual address – and remember that even a correct address may belong to a hacked mailbox.",
                    "feedback_true": "Correct. The name shown is easy to fake, so check the address behind it.",
                    "feedback_false": "Not quite. Anyone can choose any display name – the name alone proves nothing.",
                },
            ],
        },
        "et": {
            "title": "Õngitsus vee-ettevõttes",
            "summary": (
                "Õpi ära tundma võltsarveid, SCADA-tarnija nimel tehtavaid petukõnesid ja juhipettusi, "
                "millega rünnatakse vee-ettevõtjaid, ning tea, kuidas neist kiiresti teada anda."
            ),
            "body": [
                ("heading", "Miks ründajad vee-ettevõtjaid sihivad"),
                (
                    "paragraph",
                    "<p>Väikesed vee- ja kanalisatsiooniettevõtted tasuvad tarnijate arveid, hoiavad klientide andmeid ning juhivad üha sagedamini veepuhastusjaamu ja pumbajaamu kaugelt. Ründaja jaoks tähendab see raha, andmeid ja ligipääsu elutähtsatele süsteemidele – ning sageli hoiab neid korras väike meeskond, kellel on vähe IT-tuge. Enamik rünnakuid ei alga nutika häkkimisega, vaid <b>usutava e-kirja, sõnumi või telefonikõnega</b> tavalisele töötajale.</p>",
                ),
                ("heading", "Võltsarved tarnijatelt"),
                (
                    "paragraph",
                    "<p>Kurjategijad uurivad välja, kes on sinu tarnijad – näiteks ettevõte, kes toob naatriumhüpokloritit või koagulante, või firma, kes hooldab pumpasid ja veearvesteid. Seejärel saadavad nad arve või kirja, mis näeb välja täpselt nagu päris, ja teatavad, et <b>pangakonto on muutunud</b>. Mõnikord tuleb kiri tõesti tarnija enda aadressilt, sest tarnija postkast on häkitud.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Teade pangakonto muutumisest on kõige suurem ohumärk. Ära kunagi võta seda vastu ainult e-kirja põhjal: helista tarnijale numbril, mis sul juba on – lepingust või varasematelt arvetelt –, mitte kirjas antud numbril.",
                    },
                ),
                ("heading", "Võlts SCADA-tarnija tugi"),
                (
                    "paragraph",
                    "<p>Teine levinud nipp on kõne või e-kiri kelleltki, kes väidab end olevat sinu SCADA- või PLC-tarnija või automaatikapartneri töötaja. Ta räägib <i>kiireloomulisest turvauuendusest</i> ja palub paigaldada kaugjuurdepääsu programmi, avada ühenduse või öelda ette oma VPN-i kasutajanime ja parooli. Päris tarnijad töötavad kokkulepitud tugikanali ja planeeritud hooldusakende kaudu – neil pole kunagi vaja, et sa oma protseduuridest mööda läheksid.</p>",
                ),
                ("heading", "Juhipettus ja muud kiireloomulised palved"),
                (
                    "paragraph",
                    "<p>Juhipettuse puhul näib kiri tulevat sinu juhilt, nõukogu esimehelt või vallavanemalt. Selles palutakse teha kiiresti ja konfidentsiaalselt makse või osta kinkekaarte – sageli just siis, kui on teada, et see inimene on reisil. Tüüpilised tunnused on <b>surve, salastatus ja tavatu suhtluskanal</b>. Kontrolli, milline e-posti aadress peitub kuvatava nime taga, ja helista inimesele tagasi numbril, mida tead.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Enne kui klõpsad, maksad või vastad",
                        "items": [
                            "Kontrolli saatja tegelikku aadressi, mitte ainult kuvatavat nime.",
                            "Mõtle, kas sa ootasid seda kirja või arvet.",
                            "Ole kahtlustav, kui sind kiirustatakse, palutakse asja saladuses hoida või tavapärasest korrast mööda minna.",
                            "Vii hiirekursor lingi peale ja vaata enne klõpsamist, kuhu see tegelikult viib.",
                            "Ära ava ootamatuid manuseid, eriti ZIP- ja HTML-faile ning Office'i dokumente, mis paluvad makrosid lubada.",
                            "Kontrolli makse- ja ligipääsupalveid kanali kaudu, mida sa juba tead.",
                        ],
                    },
                ),
                ("heading", "Teata kiiresti – ilma hirmuta"),
                (
                    "paragraph",
                    "<p>Kui klõpsasid lingil, avasid manuse või sisestasid oma parooli kahtlasele lehele, teata sellest <b>kohe</b> oma IT-kontaktile või juhile ja vaheta parool. Minutid loevad ning kedagi ei tohi ausa teatamise eest kunagi süüdistada. Kahtlasi kirju võid edasi saata ka CERT-EE-le aadressil cert@cert.ee – see on Riigi Infosüsteemi Ameti juures tegutsev riiklik intsidentidele reageerimise meeskond.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Pane teatamiskontakti nimi ja telefoninumber kõigile nähtavale kohale – juhtimisruumi, töökotta ja kontori seinale.",
                    },
                ),
                (
                    "takeaways",
                    [
                        "Kontrolli pangakonto muutmise teadet alati telefoni teel numbril, mis sul juba on.",
                        "Päris tarnijad ei käi sulle kunagi peale, et kiirustaksid, läheksid protseduuridest mööda või paigaldaksid programme.",
                        "Surve, salastatus ja kiirustamine on sotsiaalse manipuleerimise klassikalised tunnused.",
                        "Teata klõpsudest ja kahtlastest kirjadest kohe – kiirus vähendab kahju.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Sinu tavaline kloori tarnija teatab e-kirjas, et nende pangakonto on muutunud, ja palub järgmise arve tasuda uuele kontole. Mida sa teed?",
                    "explanation": "Tarnijate postkaste häkitakse sageli, seega ei tõenda õige aadress midagi. Muudatust saab kinnitada ainult kõne numbrile, mis sul juba olemas on.",
                    "choices": [
                        {
                            "text": "Tasun uuele kontole – kiri tuli tarnija tavaliselt aadressilt.",
                            "correct": False,
                            "feedback": "Tarnija postkast võib olla häkitud. Tuttav aadress ei ole tõend.",
                        },
                        {
                            "text": "Vastan kirjale ja palun muudatust kinnitada.",
                            "correct": False,
                            "feedback": "Kui postkast on kurjategijate käes, kinnitavad nad muudatuse lihtsalt ise.",
                        },
                        {
                            "text": "Helistan tarnijale numbril, mis on lepingus või varasematel arvetel.",
                            "correct": True,
                            "feedback": "Õige. Sõltumatu kanal on ainus usaldusväärne kontroll.",
                        },
                        {
                            "text": "Saadan kirja kolleegile edasi ja palun tal makse teha.",
                            "correct": False,
                            "feedback": "Nii annad riski lihtsalt edasi, midagi kontrollimata.",
                        },
                    ],
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Millised neist on õngitsuse või sotsiaalse manipuleerimise tüüpilised ohumärgid? (Vali kõik sobivad vastused.)",
                    "explanation": "Ründajad tekitavad survet ja püüavad sind teistest eraldada, et tegutseksid enne, kui jõuad järele mõelda. Kiri sinu emakeeles või tööajal on tavaline ega ütle midagi.",
                    "choices": [
                        {
                            "text": "Sinult nõutakse kiiret tegutsemist.",
                            "correct": True,
                            "feedback": "Õige – kiirustamisega püütakse takistada sul asja kontrollida.",
                        },
                        {
                            "text": "Sul palutakse palvest kolleegidele mitte rääkida.",
                            "correct": True,
                            "feedback": "Õige – saladus takistab teistel pettust märkamast.",
                        },
                        {
                            "text": "Saatja aadress erineb veidi õigest domeenist.",
                            "correct": True,
                            "feedback": "Õige – sarnase välimusega domeenid, näiteks rnail sõna mail asemel, on levinud.",
                        },
                        {
                            "text": "Kiri saabub tavalisel tööajal.",
                            "correct": False,
                            "feedback": "Saatmisaeg üksi ei ole ohumärk – ründajad saadavad kirju igal ajal.",
                        },
                        {
                            "text": "Kiri on kirjutatud sinu emakeeles.",
                            "correct": False,
                            "feedback": "Tänapäevased õngitsuskirjad on sageli kirjutatud ladusas ja veatus keeles.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Päris SCADA-tarnija võib sulle ette teatamata helistada ja paluda paigaldada kaugjuurdepääsu programmi, et teha kiireloomuline turvaparandus.",
                    "is_true": False,
                    "explanation": "Päris tarnijad kasutavad kokkulepitud tugikanalit ja planeeritud hooldust. Ootamatu palve paigaldada kaugjuurdepääsu tarkvara on klassikaline rünnak.",
                    "feedback_true": "Päris nii see ei ole. Just nii pääsevad ründajad juhtimissüsteemidesse – kontrolli alati kokkulepitud kanali kaudu.",
                    "feedback_false": "Õige. Ette teatamata palveid kaugjuurdepääsu tööriistade paigaldamiseks tuleb alati kontrollida ja neist keelduda.",
                },
                {
                    "type": "single_choice",
                    "prompt": "Klõpsasid e-kirjas lingil ja sisestasid parooli lehele, mis näitas seejärel veateadet. Mida teed kõigepealt?",
                    "explanation": "Ründaja võib sinu parooli juba kasutada. Kohene teatamine ja parooli vahetamine piiravad seda, mida ta teha saab.",
                    "choices": [
                        {
                            "text": "Ootan ja vaatan, kas midagi kummalist juhtub.",
                            "correct": False,
                            "feedback": "Selleks ajaks võib ründaja sinu kontot juba kasutanud olla.",
                        },
                        {
                            "text": "Teatan kohe IT-kontaktile või juhile ja vahetan parooli.",
                            "correct": True,
                            "feedback": "Õige. Kiire teatamine annab parima võimaluse rünnak peatada.",
                        },
                        {
                            "text": "Kustutan kirja ega räägi kellelegi, et mitte piinlikku olukorda sattuda.",
                            "correct": False,
                            "feedback": "Vaikimine aitab ainult ründajat. Aus teatamine on alati teretulnud.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Puhkusel olev juhataja saadab sulle e-kirja ja palub teha uuele partnerile kiire ja konfidentsiaalse makse, rõhutades, et sa ei tohi sellest kellelegi rääkida. Kuidas on kõige õigem toimida?",
                    "explanation": "Surve ja salastatus on juhipettuse tunnused. Kõne tuttavale numbrile võtab minuti ja peatab pettuse.",
                    "choices": [
                        {
                            "text": "Teen makse – juhatajal on õigus seda paluda.",
                            "correct": False,
                            "feedback": "Kurjategijad loodavadki just sellele. Volitused ei asenda kontrollimist.",
                        },
                        {
                            "text": "Vastan kirjale ja küsin, kas palve on ehtne.",
                            "correct": False,
                            "feedback": "Sinu vastus võib minna otse petturile.",
                        },
                        {
                            "text": "Helistan juhatajale numbril, mida juba tean, ja järgin tavapärast kinnitamise korda.",
                            "correct": True,
                            "feedback": "Õige. Kontrolli tuttava kanali kaudu ja ära jäta tavapäraseid kinnitusi kunagi vahele.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "E-kirja saatjana võib olla kuvatud tuttav nimi ka siis, kui kiri on saadetud hoopis teiselt aadressilt.",
                    "is_true": True,
                    "explanation": "Kuvatava nime saab igaüks ise valida. Kontrolli alati tegelikku aadressi – ja pea meeles, et ka õige aadress võib kuuluda häkitud postkastile.",
                    "feedback_true": "Õige. Kuvatavat nime on lihtne võltsida, seega kontrolli selle taga olevat aadressi.",
                    "feedback_false": "Päris nii see ei ole. Igaüks saab valida endale ükskõik millise kuvatava nime – nimi üksi ei tõenda midagi.",
                },
            ],
        },
    },
}


REMOTE_ACCESS_AND_OT_HYGIENE = {
    "slug": "remote-access-and-ot-hygiene",
    "estimated_minutes": 15,
    "level": "intermediate",
    "sectors": ["water", "energy"],
    "topics": [
        "ot",
        "scada",
        "remote-access",
        "vpn",
        "mfa",
        "network-segmentation",
        "asset-inventory",
        "logging",
    ],
    "pass_mark": 70,
    "attempt_limit": None,
    "languages": {
        "en": {
            "title": "Remote access and OT hygiene",
            "summary": (
                "Keep pumps, PLCs and SCADA out of attackers' reach: no direct internet exposure, "
                "VPN with MFA for vendors, separate IT and OT networks, and the everyday habits that "
                "keep control systems safe."
            ),
            "body": [
                ("heading", "A control system is not an office computer"),
                (
                    "paragraph",
                    "<p>PLCs, HMIs and SCADA servers control pumps, chemical dosing and tank levels. They often stay in service for 15 years or more, cannot always be patched quickly and were designed for closed networks. If an attacker takes control of them, the result is not just lost data but possibly <b>interrupted supply or unsafe drinking water</b>.</p>",
                ),
                ("heading", "Never expose PLCs or HMIs directly to the internet"),
                (
                    "paragraph",
                    "<p>Search engines such as Shodan continuously scan the entire internet for industrial devices. A PLC or HMI with a public IP address and an open port – Modbus, a web interface or VNC – will be found within hours. In late 2023, attackers took over internet-facing PLCs at several water utilities that were still protected only by the <b>manufacturer's default password</b>.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "If you can open your HMI from your phone without first connecting to a VPN, so can anyone else on the internet. Ask your integrator to check this today.",
                    },
                ),
                ("heading", "Vendor access: VPN plus MFA, and only when needed"),
                (
                    "paragraph",
                    "<p>Remote access to the control system must go only through a VPN or remote-access gateway protected by <b>multi-factor authentication</b> (MFA). Every person has their own account – no shared vendor logins. Vendor access is switched on for an agreed maintenance window and switched off again afterwards, and every session is logged. Do not let contractors install their own remote-access tools on OT computers.</p>",
                ),
                ("heading", "Keep IT and OT networks apart"),
                (
                    "paragraph",
                    "<p>The office network, where people read email and browse the web, must be separated from the control network by a firewall that allows only the connections that are truly needed. Data that has to cross from one to the other, such as measurement reports, should pass through a separate zone (a DMZ). That way ransomware arriving by email cannot reach SCADA. <i>Never</i> use HMIs or engineering workstations to read email or browse the web.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Everyday OT hygiene",
                        "items": [
                            "Change the default passwords on every PLC, HMI, router, modem and camera.",
                            "Do not plug unknown USB sticks into OT computers; use only a dedicated, checked stick for transferring files.",
                            "Keep an up-to-date list of all control system devices.",
                            "Collect logs from the VPN, firewalls and PLC program changes, and review them regularly.",
                            "Remove the accounts of former employees and vendors without delay.",
                            "Install updates after testing them with your vendor or integrator.",
                        ],
                    },
                ),
                ("heading", "Know what you have"),
                (
                    "paragraph",
                    "<p>You cannot protect what you do not know exists. For each device, the asset inventory should record the model, location, firmware version, network address and the person responsible – including the <b>mobile routers and modems</b> at remote pumping stations, which are easily forgotten and often reachable from the internet. Keep logs in a central place for several months so that you can investigate if something happens.</p>",
                ),
                (
                    "takeaways",
                    [
                        "No PLC, HMI or SCADA server should be directly reachable from the internet.",
                        "Remote access only through a VPN with MFA, with personal accounts and logged sessions.",
                        "Keep office IT and control system networks separated by a firewall.",
                        "Default passwords, unknown USB sticks and forgotten modems are easy wins for attackers.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "A pump vendor needs remote access to adjust a PLC program. Which setup is the most secure?",
                    "explanation": "Access through a VPN with MFA, a personal account and a limited time window gives you control over who connects, when, and what they do.",
                    "choices": [
                        {
                            "text": "Forward a port on the router to the HMI and protect it with a strong password.",
                            "correct": False,
                            "feedback": "Exposed devices are found and attacked quickly; a password alone is not enough.",
                        },
                        {
                            "text": "A VPN with MFA, a personal account for the vendor's engineer, enabled only for the agreed maintenance window.",
                            "correct": True,
                            "feedback": "Correct. Access is limited in time and every session can be traced.",
                        },
                        {
                            "text": "Let the vendor install a permanent remote-access tool on the engineering workstation.",
                            "correct": False,
                            "feedback": "A permanent, uncontrolled tool is a back door that attackers can use too.",
                        },
                        {
                            "text": "Give the vendor the operators' shared login.",
                            "correct": False,
                            "feedback": "With shared logins it is impossible to know who did what.",
                        },
                    ],
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Which measures help to separate IT and OT networks properly? (Select all that apply.)",
                    "explanation": "Separation means a firewall that allows only necessary traffic, a DMZ for data exchange and no office use of OT computers. Shared passwords and direct connections undo the separation.",
                    "choices": [
                        {
                            "text": "A firewall between the office and control networks that allows only necessary traffic.",
                            "correct": True,
                            "feedback": "Correct – this is the core of separation.",
                        },
                        {
                            "text": "No email or web browsing on HMIs and engineering workstations.",
                            "correct": True,
                            "feedback": "Correct – this removes the most common routes of infection.",
                        },
                        {
                            "text": "A separate zone (DMZ) for exchanging data such as reports.",
                            "correct": True,
                            "feedback": "Correct – data can flow without a direct connection.",
                        },
                        {
                            "text": "The same administrator password on both networks, for convenience.",
                            "correct": False,
                            "feedback": "A password stolen in the office would then open the control network too.",
                        },
                        {
                            "text": "Connecting the SCADA server to the office Wi-Fi.",
                            "correct": False,
                            "feedback": "This connects the control system directly to the office network.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "A PLC is safe from internet attackers if its web interface uses an unusual port number.",
                    "is_true": False,
                    "explanation": "Scanners check every port, not just the standard ones. The only safe approach is to keep control devices off the public internet.",
                    "feedback_true": "Not quite. Internet scanners check every port, so an unusual number hides nothing.",
                    "feedback_false": "Correct. Moving to a different port does not protect a device that is exposed to the internet.",
                },
                {
                    "type": "single_choice",
                    "prompt": "A contractor brings a USB stick with an updated HMI project. What is the right approach?",
                    "explanation": "USB sticks are a well-known route for malware into isolated networks. Checking the files on a dedicated computer and following the change procedure reduce the risk.",
                    "choices": [
                        {
                            "text": "Plug it straight into the HMI – the contractor is trusted.",
                            "correct": False,
                            "feedback": "Even trusted contractors can carry an infected stick without knowing it.",
                        },
                        {
                            "text": "Check the files on a dedicated computer with up-to-date antivirus and transfer them as agreed in the change procedure.",
                            "correct": True,
                            "feedback": "Correct. Check first, then transfer in a controlled way.",
                        },
                        {
                            "text": "Open it on an office PC first to see what is on it.",
                            "correct": False,
                            "feedback": "The office PC may itself be infected and could pass malware on to the stick.",
                        },
                    ],
                },
                {
                    "type": "multiple_choice",
                    "prompt": "What should the OT asset inventory contain? (Select all that apply.)",
                    "explanation": "The inventory must describe what each device is, where it is, how it is connected and who is responsible for it. Passwords do not belong there – and default passwords should no longer exist at all.",
                    "choices": [
                        {
                            "text": "Device model and location",
                            "correct": True,
                            "feedback": "Correct.",
                        },
                        {
                            "text": "Firmware or software version",
                            "correct": True,
                            "feedback": "Correct – you need it to know which vulnerabilities affect you.",
                        },
                        {
                            "text": "Network address and type of connection, including mobile modems",
                            "correct": True,
                            "feedback": "Correct – forgotten modems are a common weak spot.",
                        },
                        {
                            "text": "The default password of each device, in plain text",
                            "correct": False,
                            "feedback": "Passwords do not belong in the inventory, and default passwords should already have been changed.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Logs of VPN logins and PLC program changes help you find out what happened after an incident.",
                    "is_true": True,
                    "explanation": "Without logs you cannot tell who connected, when, or what was changed. Store them centrally and keep them for several months.",
                    "feedback_true": "Correct. Logs are often the only evidence of what really happened.",
                    "feedback_false": "Not quite. Logs are essential for investigating incidents.",
                },
            ],
        },
        "et": {
            "title": "Kaugjuurdepääs ja OT-hügieen",
            "summary": (
                "Hoia pumbad, PLC-d ja SCADA ründajatele kättesaamatuna: seadmed ei ole internetist otse "
                "ligipääsetavad, tarnijad ühenduvad VPN-i ja MFA-ga, IT- ja OT-võrgud on lahus ning "
                "igapäevased harjumused hoiavad juhtimissüsteemid turvalisena."
            ),
            "body": [
                ("heading", "Juhtimissüsteem ei ole kontoriarvuti"),
                (
                    "paragraph",
                    "<p>PLC-d, operaatoripaneelid (HMI) ja SCADA-serverid juhivad pumpasid, kemikaalide doseerimist ja mahutite veetaset. Need on sageli kasutusel 15 aastat või kauemgi, neid ei saa alati kiiresti uuendada ja need on projekteeritud suletud võrkude jaoks. Kui ründaja saab need enda kontrolli alla, ei kao ainult andmed – tagajärjeks võib olla <b>katkenud veevarustus või tervisele ohtlik joogivesi</b>.</p>",
                ),
                ("heading", "Ära ühenda PLC-d ega HMI-d kunagi otse internetti"),
                (
                    "paragraph",
                    "<p>Otsingumootorid, näiteks Shodan, skannivad pidevalt kogu internetti, et leida tööstusseadmeid. Avaliku IP-aadressi ja avatud pordiga PLC või HMI – olgu pordi taga Modbus, veebiliides või VNC – leitakse mõne tunniga. 2023. aasta lõpus võtsid ründajad üle mitme vee-ettevõtte internetist ligipääsetavad PLC-d, mida kaitses endiselt ainult <b>tootja vaikeparool</b>.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Kui saad oma HMI telefonist avada ilma VPN-iga ühendumata, saab seda teha ka ükskõik kes teine internetis. Palu oma automaatikapartneril see veel täna üle kontrollida.",
                    },
                ),
                ("heading", "Tarnijate ligipääs: VPN koos MFA-ga ja ainult vajaduse korral"),
                (
                    "paragraph",
                    "<p>Kaugjuurdepääs juhtimissüsteemile peab käima ainult VPN-i või kaugjuurdepääsu lüüsi kaudu, mida kaitseb <b>mitmeastmeline autentimine</b> (MFA). Igal inimesel on oma konto – tarnijatel ei tohi olla ühiseid kasutajatunnuseid. Tarnija ligipääs lülitatakse sisse kokkulepitud hooldusakna ajaks ja pärast seda jälle välja ning iga seanss logitakse. Ära luba töövõtjatel paigaldada OT-arvutitesse oma kaugjuurdepääsu tööriistu.</p>",
                ),
                ("heading", "Hoia IT- ja OT-võrgud lahus"),
                (
                    "paragraph",
                    "<p>Kontorivõrk, kus loetakse e-kirju ja sirvitakse veebi, peab olema juhtimisvõrgust eraldatud tulemüüriga, mis lubab ainult tõeliselt vajalikke ühendusi. Andmed, mis peavad liikuma ühest võrgust teise, näiteks mõõteandmete aruanded, peaksid läbima eraldi tsooni (DMZ). Nii ei jõua e-kirjaga saabunud lunavara SCADA-ni. <i>Mitte kunagi</i> ära kasuta operaatoripaneele ega inseneritööjaamu e-kirjade lugemiseks ega veebi sirvimiseks.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Igapäevane OT-hügieen",
                        "items": [
                            "Vaheta vaikeparoolid igas PLC-s, HMI-s, ruuteris, modemis ja kaameras.",
                            "Ära ühenda OT-arvutitega tundmatuid USB-mälupulki – failide ülekandmiseks kasuta ainult selleks ette nähtud ja kontrollitud pulka.",
                            "Pea ajakohast nimekirja kõigist juhtimissüsteemi seadmetest.",
                            "Kogu VPN-i, tulemüüride ja PLC programmimuudatuste logisid ning vaata need regulaarselt üle.",
                            "Eemalda endiste töötajate ja tarnijate kontod viivitamata.",
                            "Paigalda uuendused pärast seda, kui oled need koos tarnija või automaatikapartneriga läbi testinud.",
                        ],
                    },
                ),
                ("heading", "Tea, mis sul on"),
                (
                    "paragraph",
                    "<p>Sa ei saa kaitsta seda, mille olemasolust sa ei tea. Seadmete nimekirjas peaks iga seadme kohta olema kirjas mudel, asukoht, püsivara versioon, võrguaadress ja vastutav isik – ka <b>mobiilsideruuterid ja modemid</b> kaugetes pumbajaamades, mis ununevad kergesti ja on sageli internetist ligipääsetavad. Hoia logisid kesksel kohal mitu kuud, et saaksid vajaduse korral juhtunut uurida.</p>",
                ),
                (
                    "takeaways",
                    [
                        "Ükski PLC, HMI ega SCADA-server ei tohi olla internetist otse ligipääsetav.",
                        "Kaugjuurdepääs ainult VPN-i ja MFA-ga, isiklike kontode ja logitud seanssidega.",
                        "Hoia kontori IT-võrk ja juhtimissüsteemi võrk tulemüüriga lahus.",
                        "Vaikeparoolid, tundmatud USB-pulgad ja unustatud modemid on ründajatele kerge saak.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Pumbatarnija vajab PLC programmi muutmiseks kaugjuurdepääsu. Milline lahendus on kõige turvalisem?",
                    "explanation": "Ligipääs VPN-i ja MFA-ga, isikliku konto ja piiratud ajaaknaga annab sulle kontrolli selle üle, kes ühendub, millal ja mida ta teeb.",
                    "choices": [
                        {
                            "text": "Suunan ruuteris pordi HMI-le ja kaitsen selle tugeva parooliga.",
                            "correct": False,
                            "feedback": "Internetti avatud seadmed leitakse ja neid rünnatakse kiiresti – ainult paroolist ei piisa.",
                        },
                        {
                            "text": "VPN koos MFA-ga, tarnija inseneril isiklik konto ja ligipääs on sisse lülitatud ainult kokkulepitud hooldusakna ajaks.",
                            "correct": True,
                            "feedback": "Õige. Ligipääs on ajaliselt piiratud ja iga seanss on jälgitav.",
                        },
                        {
                            "text": "Lasen tarnijal paigaldada inseneritööjaama alalise kaugjuurdepääsu programmi.",
                            "correct": False,
                            "feedback": "Alaline ja kontrollimata tööriist on tagauks, mida saavad kasutada ka ründajad.",
                        },
                        {
                            "text": "Annan tarnijale operaatorite ühise kasutajatunnuse.",
                            "correct": False,
                            "feedback": "Ühiste kasutajatunnuste puhul on võimatu teada, kes mida tegi.",
                        },
                    ],
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Millised meetmed aitavad IT- ja OT-võrke korralikult eraldada? (Vali kõik sobivad vastused.)",
                    "explanation": "Eraldamine tähendab tulemüüri, mis lubab ainult vajalikku liiklust, DMZ-d andmevahetuseks ja seda, et OT-arvuteid ei kasutata kontoritööks. Ühised paroolid ja otseühendused muudavad eraldamise tühiseks.",
                    "choices": [
                        {
                            "text": "Kontori- ja juhtimisvõrgu vahel on tulemüür, mis lubab ainult vajalikku liiklust.",
                            "correct": True,
                            "feedback": "Õige – see on eraldamise alus.",
                        },
                        {
                            "text": "Operaatoripaneelidel ja inseneritööjaamades ei loeta e-kirju ega sirvita veebi.",
                            "correct": True,
                            "feedback": "Õige – nii kaovad kõige levinumad nakatumisteed.",
                        },
                        {
                            "text": "Andmevahetuseks, näiteks aruannete jaoks, on eraldi tsoon (DMZ).",
                            "correct": True,
                            "feedback": "Õige – andmed liiguvad ilma otseühenduseta.",
                        },
                        {
                            "text": "Mugavuse huvides on mõlemas võrgus sama administraatori parool.",
                            "correct": False,
                            "feedback": "Siis avaks kontorist varastatud parool ka juhtimisvõrgu.",
                        },
                        {
                            "text": "SCADA-server on ühendatud kontori WiFi-võrku.",
                            "correct": False,
                            "feedback": "Nii ühendatakse juhtimissüsteem otse kontorivõrguga.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "PLC on internetist tulevate ründajate eest kaitstud, kui selle veebiliides kasutab ebatavalist pordinumbrit.",
                    "is_true": False,
                    "explanation": "Skannerid kontrollivad kõiki porte, mitte ainult standardseid. Ainus turvaline lahendus on hoida juhtimisseadmed avalikust internetist eemal.",
                    "feedback_true": "Päris nii see ei ole. Internetiskannerid kontrollivad kõiki porte, seega ebatavaline number ei peida midagi.",
                    "feedback_false": "Õige. Teise pordi kasutamine ei kaitse seadet, mis on internetti avatud.",
                },
                {
                    "type": "single_choice",
                    "prompt": "Töövõtja toob USB-mälupulgal uuendatud HMI projekti. Kuidas on õige toimida?",
                    "explanation": "USB-pulgad on tuntud tee, mida mööda pahavara jõuab ka eraldatud võrkudesse. Failide kontrollimine selleks ette nähtud arvutis ja muudatuste korra järgimine vähendavad riski.",
                    "choices": [
                        {
                            "text": "Ühendan pulga otse HMI-ga – töövõtja on usaldusväärne.",
                            "correct": False,
                            "feedback": "Ka usaldusväärne töövõtja võib seda teadmata kaasas kanda nakatunud pulka.",
                        },
                        {
                            "text": "Kontrollin failid selleks ette nähtud ja ajakohase viirusetõrjega arvutis ning kannan need üle nii, nagu muudatuste korras kokku lepitud.",
                            "correct": True,
                            "feedback": "Õige. Kõigepealt kontrolli, siis kanna kontrollitult üle.",
                        },
                        {
                            "text": "Avan pulga kõigepealt kontoriarvutis, et näha, mis seal on.",
                            "correct": False,
                            "feedback": "Kontoriarvuti võib ise olla nakatunud ja pahavara pulgale kanda.",
                        },
                    ],
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Mis peaks olema kirjas OT-seadmete nimekirjas? (Vali kõik sobivad vastused.)",
                    "explanation": "Nimekiri peab kirjeldama, mis seade see on, kus see asub, kuidas see on ühendatud ja kes selle eest vastutab. Paroolid sinna ei kuulu – ja vaikeparoole ei tohiks enam üldse olla.",
                    "choices": [
                        {"text": "Seadme mudel ja asukoht", "correct": True, "feedback": "Õige."},
                        {
                            "text": "Püsivara või tarkvara versioon",
                            "correct": True,
                            "feedback": "Õige – nii tead, millised haavatavused sind puudutavad.",
                        },
                        {
                            "text": "Võrguaadress ja ühendusviis, sealhulgas mobiilsidemodemid",
                            "correct": True,
                            "feedback": "Õige – unustatud modemid on levinud nõrk koht.",
                        },
                        {
                            "text": "Iga seadme vaikeparool lihttekstina",
                            "correct": False,
                            "feedback": "Paroolid ei kuulu seadmete nimekirja ja vaikeparoolid peaksid olema juba vahetatud.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "VPN-i sisselogimiste ja PLC programmimuudatuste logid aitavad pärast intsidenti välja selgitada, mis juhtus.",
                    "is_true": True,
                    "explanation": "Ilma logideta ei saa teada, kes ja millal ühendus ning mida muudeti. Hoia logisid kesksel kohal ja säilita neid mitu kuud.",
                    "feedback_true": "Õige. Logid on sageli ainus tõend selle kohta, mis tegelikult juhtus.",
                    "feedback_false": "Päris nii see ei ole. Logid on intsidentide uurimisel hädavajalikud.",
                },
            ],
        },
    },
}


BACKUPS_AND_INCIDENT_RESPONSE = {
    "slug": "backups-and-incident-response",
    "estimated_minutes": 15,
    "level": "intermediate",
    "sectors": ["water"],
    "topics": [
        "backup",
        "incident-response",
        "ransomware",
        "business-continuity",
        "ot",
        "reporting",
    ],
    "pass_mark": 70,
    "attempt_limit": 3,
    "languages": {
        "en": {
            "title": "Backups and incident response",
            "summary": (
                "Make sure your utility can recover from ransomware or a system failure: backups you have "
                "actually restored, copies of PLC configurations, and a clear plan for who does what "
                "when something goes wrong."
            ),
            "body": [
                ("heading", "The 3-2-1 rule"),
                (
                    "paragraph",
                    "<p>Keep at least <b>three copies</b> of important data, on <b>two different types</b> of storage, with <b>one copy off-site</b>. At least one copy must also be <i>offline or immutable</i> – disconnected or write-protected – because modern ransomware looks for connected backup drives and network shares and encrypts or deletes them first.</p>",
                ),
                ("heading", "Do not forget PLC and HMI configurations"),
                (
                    "paragraph",
                    "<p>Billing and accounting data are usually backed up, but the control system often is not. PLC programs, HMI projects, SCADA configuration, network device settings, firmware versions and setpoints sometimes exist only on the integrator's laptop. Keep your own up-to-date copy, including earlier versions, store it offline and refresh it after every change. Make handing over these files a requirement in your maintenance contract.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "A backup you have never restored is only a hope. Test restores regularly – at least twice a year – and include loading a PLC program onto spare hardware.",
                    },
                ),
                ("heading", "When something happens: the first steps"),
                (
                    "paragraph",
                    "<p>Warning signs include files that suddenly will not open or have strange extensions, a ransom note on the screen, HMI values that make no sense, or setpoints that change without anyone touching them. <b>Isolate</b> the affected computers by unplugging the network cable or disconnecting Wi-Fi, but do not switch them off – memory and logs may hold important evidence. Then alert your incident lead straight away.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Incident contact list – print it and keep it by the phone",
                        "items": [
                            "Your incident lead and their deputy, with mobile numbers.",
                            "Your IT service provider and SCADA integrator, with out-of-hours numbers.",
                            "CERT-EE, the national CSIRT at the Information System Authority: cert@cert.ee.",
                            "The police, if a crime such as extortion is involved.",
                            "The Health Board, if drinking water quality may be affected.",
                            "Your insurer, the owner or municipality, and whoever handles communication with customers.",
                        ],
                    },
                ),
                ("heading", "Manual operation as a fallback"),
                (
                    "paragraph",
                    "<p>If the control system cannot be trusted, the water still has to flow. Make sure you can run treatment and pumping <b>manually for several days</b>: printed procedures and setpoints, trained staff, working local control panels, manual sampling and checks on chemical dosing, and a staff rota. Switching to manual operation should be practised at least once a year.</p>",
                ),
                ("heading", "Ransomware: do not pay – isolate, report, restore"),
                (
                    "paragraph",
                    "<p>Paying does not guarantee that you will get your data back or that stolen data will not be published. It funds further crime and tells the criminals that you are willing to pay. Isolate infected systems, preserve the evidence and report to CERT-EE and the police. Restore from clean backups only once the way in has been found and closed, and change all passwords. If your utility is covered by the Cybersecurity Act, reporting significant incidents to the Information System Authority is also a <b>legal obligation</b>.</p>",
                ),
                (
                    "takeaways",
                    [
                        "Follow the 3-2-1 rule and keep at least one copy offline or immutable.",
                        "Back up PLC programs, HMI projects and network settings after every change.",
                        "Test restores and practise manual operation before you need them.",
                        "In an incident: isolate, do not switch off, call your incident lead and report to CERT-EE.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "What does the 3-2-1 backup rule mean?",
                    "explanation": "Three copies on two types of storage, one of them kept elsewhere, means that no single failure, fire or attack can destroy all of your data.",
                    "choices": [
                        {
                            "text": "Three copies of the data, on two different types of storage, one of them off-site.",
                            "correct": True,
                            "feedback": "Correct.",
                        },
                        {
                            "text": "Three backups a day, kept for two weeks on one server.",
                            "correct": False,
                            "feedback": "Frequency matters, but with everything on one server a single failure destroys it all.",
                        },
                        {
                            "text": "Three administrators, two passwords and one backup drive.",
                            "correct": False,
                            "feedback": "This has nothing to do with the 3-2-1 rule.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "A backup has only really proved its worth once you have successfully restored from it in a test.",
                    "is_true": True,
                    "explanation": "Backups can fail silently – missing files, damaged media or a forgotten password. Only a test restore shows that recovery will actually work.",
                    "feedback_true": "Correct. Untested backups often fail exactly when they are needed.",
                    "feedback_false": "Not quite. Many organisations discover only during an incident that their backups cannot be restored.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "What should a small water utility include in its backups? (Select all that apply.)",
                    "explanation": "A utility must be able to restore both office data and the control system configuration. Relying only on the integrator leaves you dependent on a single laptop.",
                    "choices": [
                        {
                            "text": "PLC programs and HMI projects",
                            "correct": True,
                            "feedback": "Correct – without them, rebuilding the control system can take weeks.",
                        },
                        {
                            "text": "Customer and billing data",
                            "correct": True,
                            "feedback": "Correct.",
                        },
                        {
                            "text": "Firewall and router settings",
                            "correct": True,
                            "feedback": "Correct – the network has to be rebuilt too.",
                        },
                        {
                            "text": "Nothing from the control system – the integrator keeps a copy",
                            "correct": False,
                            "feedback": "The integrator's copy may be out of date, lost or unavailable at the critical moment.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "An office computer suddenly shows a ransom note and files have strange new extensions. What is the right first step?",
                    "explanation": "Disconnecting from the network stops the spread while preserving the evidence in memory; the incident lead then coordinates what happens next.",
                    "choices": [
                        {
                            "text": "Cut the power to all computers immediately.",
                            "correct": False,
                            "feedback": "Switching off can destroy evidence in memory. Disconnect the computer from the network instead.",
                        },
                        {
                            "text": "Disconnect the computer from the network and alert the incident lead.",
                            "correct": True,
                            "feedback": "Correct. Isolate, leave the computer running and raise the alarm.",
                        },
                        {
                            "text": "Pay the ransom quickly to keep the downtime short.",
                            "correct": False,
                            "feedback": "Paying guarantees nothing and funds further attacks.",
                        },
                        {
                            "text": "Follow the link in the ransom note to contact the attackers.",
                            "correct": False,
                            "feedback": "Do not interact with the attackers – leave that to specialists and the police.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "SCADA shows setpoint changes that nobody made, and you can no longer trust the system. What should the operators do?",
                    "explanation": "Water supply and safety come first. Manual operation following the prepared procedure keeps the plant running while the incident is investigated.",
                    "choices": [
                        {
                            "text": "Keep running in automatic mode and wait for IT to investigate.",
                            "correct": False,
                            "feedback": "If the system cannot be trusted, automatic mode may produce unsafe water.",
                        },
                        {
                            "text": "Switch to manual operation following the printed procedure and check water quality manually more often.",
                            "correct": True,
                            "feedback": "Correct. This keeps supply safe while the cause is found.",
                        },
                        {
                            "text": "Shut down the whole plant at once without telling anyone.",
                            "correct": False,
                            "feedback": "An uncoordinated shutdown can itself interrupt supply – follow the plan and inform the incident lead.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Paying the ransom guarantees that you will get your data back and that it will not be published.",
                    "is_true": False,
                    "explanation": "Criminals often fail to provide a working decryption key, publish the data anyway or come back with new demands. The authorities advise against paying.",
                    "feedback_true": "Not quite. There is no guarantee – and paying makes you a target for repeat attacks.",
                    "feedback_false": "Correct. Paying guarantees nothing and funds further crime.",
                },
            ],
        },
        "et": {
            "title": "Varukoopiad ja intsidentidele reageerimine",
            "summary": (
                "Veendu, et sinu vee-ettevõte suudab lunavararünnakust või süsteemirikkest taastuda: "
                "varukoopiad, mille taastamist on päriselt proovitud, PLC-seadistuste koopiad ja selge "
                "plaan, kes mida teeb, kui midagi juhtub."
            ),
            "body": [
                ("heading", "Reegel 3-2-1"),
                (
                    "paragraph",
                    "<p>Olulistest andmetest peab olema vähemalt <b>kolm koopiat</b> <b>kahel eri tüüpi</b> andmekandjal, millest <b>üks asub väljaspool ettevõtte ruume</b>. Vähemalt üks koopia peab olema ka <i>võrguühenduseta või muutmatu</i> – lahti ühendatud või kirjutuskaitsega –, sest tänapäevane lunavara otsib üles ühendatud varunduskettad ja võrgukaustad ning krüpteerib või kustutab need esimesena.</p>",
                ),
                ("heading", "Ära unusta PLC ja HMI seadistusi"),
                (
                    "paragraph",
                    "<p>Arveldus- ja raamatupidamisandmed on tavaliselt varundatud, juhtimissüsteem aga sageli mitte. PLC programmid, HMI projektid, SCADA seadistused, võrguseadmete konfiguratsioonid, püsivara versioonid ja seadeväärtused võivad olla olemas ainult automaatikapartneri sülearvutis. Hoia ise alles ajakohane koopia koos varasemate versioonidega, säilita seda võrguühenduseta ja uuenda seda pärast iga muudatust. Lisa hoolduslepingusse nõue, et partner annab need failid sulle üle.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Varukoopia, millest pole kunagi taastatud, on vaid lootus. Proovi taastamist regulaarselt – vähemalt kaks korda aastas – ja laadi proovi käigus ka PLC programm varuseadmesse.",
                    },
                ),
                ("heading", "Kui midagi juhtub: esimesed sammud"),
                (
                    "paragraph",
                    "<p>Ohumärgid on näiteks failid, mis äkki ei avane või millel on kummaline laiend, ekraanile ilmunud lunarahanõue, HMI-l kuvatavad mõttetud väärtused või seadeväärtused, mis muutuvad, ilma et keegi neid puudutaks. <b>Isoleeri</b> mõjutatud arvutid – tõmba välja võrgukaabel või katkesta WiFi-ühendus –, kuid ära lülita arvuteid välja, sest mälus ja logides võib olla olulisi tõendeid. Seejärel teavita kohe intsidendijuhti.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Intsidendi kontaktide nimekiri – prindi välja ja hoia telefoni juures",
                        "items": [
                            "Ettevõtte intsidendijuht ja tema asendaja koos mobiilinumbritega.",
                            "IT-teenuse osutaja ja SCADA automaatikapartner koos numbritega, millelt nad on kättesaadavad ka väljaspool tööaega.",
                            "CERT-EE ehk Riigi Infosüsteemi Ameti juures tegutsev riiklik CSIRT: cert@cert.ee.",
                            "Politsei, kui tegemist on kuriteoga, näiteks väljapressimisega.",
                            "Terviseamet, kui joogivee kvaliteet võib olla ohus.",
                            "Kindlustusandja, omanik või omavalitsus ning klientidega suhtlemise eest vastutaja.",
                        ],
                    },
                ),
                ("heading", "Käsitsijuhtimine kui varulahendus"),
                (
                    "paragraph",
                    "<p>Kui juhtimissüsteemi ei saa usaldada, peab vesi ikkagi voolama. Veendu, et veepuhastust ja pumpamist on võimalik <b>mitu päeva käsitsi juhtida</b>: selleks on vaja välja prinditud tööjuhendeid ja seadeväärtusi, koolitatud töötajaid, töökorras kohapealseid juhtpaneele, käsitsi proovivõttu ja kemikaalide doseerimise kontrolli ning töötajate graafikut. Käsitsijuhtimisele üleminekut tuleks harjutada vähemalt kord aastas.</p>",
                ),
                ("heading", "Lunavara: ära maksa – isoleeri, teavita, taasta"),
                (
                    "paragraph",
                    "<p>Maksmine ei taga, et saad andmed tagasi või et varastatud andmeid ei avaldata. See rahastab uusi kuritegusid ja annab kurjategijatele märku, et sinult on raha võimalik kätte saada. Isoleeri nakatunud süsteemid, säilita tõendid ning teavita CERT-EE-d ja politseid. Taasta süsteemid puhastest varukoopiatest alles siis, kui ründaja sissepääsutee on leitud ja suletud, ning vaheta kõik paroolid. Kui sinu ettevõte kuulub küberturvalisuse seaduse kohaldamisalasse, on olulistest intsidentidest Riigi Infosüsteemi Ametile teatamine ka <b>seadusest tulenev kohustus</b>.</p>",
                ),
                (
                    "takeaways",
                    [
                        "Järgi reeglit 3-2-1 ja hoia vähemalt üks koopia võrguühenduseta või muutmatuna.",
                        "Varunda PLC programmid, HMI projektid ja võrguseadmete seadistused pärast iga muudatust.",
                        "Proovi taastamist ja harjuta käsitsijuhtimist enne, kui neid päriselt vaja läheb.",
                        "Intsidendi korral isoleeri, ära lülita välja, helista intsidendijuhile ja teavita CERT-EE-d.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Mida tähendab varundamise reegel 3-2-1?",
                    "explanation": "Kolm koopiat kahel eri tüüpi andmekandjal, millest üks asub mujal, tähendab, et ükski üksik rike, tulekahju ega rünnak ei hävita kõiki andmeid korraga.",
                    "choices": [
                        {
                            "text": "Kolm andmete koopiat kahel eri tüüpi andmekandjal, millest üks asub väljaspool ettevõtte ruume.",
                            "correct": True,
                            "feedback": "Õige.",
                        },
                        {
                            "text": "Kolm varukoopiat päevas, mida hoitakse kaks nädalat ühes serveris.",
                            "correct": False,
                            "feedback": "Sagedus on oluline, kuid kui kõik on ühes serveris, hävitab üks rike kõik koopiad.",
                        },
                        {
                            "text": "Kolm administraatorit, kaks parooli ja üks varundusketas.",
                            "correct": False,
                            "feedback": "Sellel pole reegliga 3-2-1 mingit pistmist.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Varukoopia on oma väärtust päriselt tõestanud alles siis, kui sellest on testimisel edukalt taastatud.",
                    "is_true": True,
                    "explanation": "Varundamine võib vaikselt ebaõnnestuda – puuduvad failid, kahjustatud andmekandja või unustatud parool. Ainult proovitaastamine näitab, et taastamine ka päriselt õnnestub.",
                    "feedback_true": "Õige. Testimata varukoopiad veavad sageli alt just siis, kui neid vaja on.",
                    "feedback_false": "Päris nii see ei ole. Paljud organisatsioonid avastavad alles intsidendi ajal, et nende varukoopiatest ei õnnestu taastada.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Mida peaks väike vee-ettevõte varundama? (Vali kõik sobivad vastused.)",
                    "explanation": "Vee-ettevõte peab suutma taastada nii kontori andmed kui ka juhtimissüsteemi seadistused. Kui loodad ainult automaatikapartnerile, sõltud ühest sülearvutist.",
                    "choices": [
                        {
                            "text": "PLC programmid ja HMI projektid",
                            "correct": True,
                            "feedback": "Õige – ilma nendeta võib juhtimissüsteemi taastamine võtta nädalaid.",
                        },
                        {
                            "text": "Kliendi- ja arveldusandmed",
                            "correct": True,
                            "feedback": "Õige.",
                        },
                        {
                            "text": "Tulemüüri ja ruuterite seadistused",
                            "correct": True,
                            "feedback": "Õige – ka võrk tuleb uuesti üles ehitada.",
                        },
                        {
                            "text": "Juhtimissüsteemist mitte midagi – automaatikapartneril on koopia olemas",
                            "correct": False,
                            "feedback": "Partneri koopia võib olla aegunud, kaduma läinud või kriitilisel hetkel kättesaamatu.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Kontoriarvuti ekraanile ilmub äkki lunarahanõue ja failidel on kummalised uued laiendid. Mis on õige esimene samm?",
                    "explanation": "Võrgust lahtiühendamine peatab leviku ja säilitab mälus olevad tõendid; edasist tegevust koordineerib intsidendijuht.",
                    "choices": [
                        {
                            "text": "Lülitan kohe kõigi arvutite toite välja.",
                            "correct": False,
                            "feedback": "Väljalülitamine võib hävitada mälus olevad tõendid. Ühenda arvuti hoopis võrgust lahti.",
                        },
                        {
                            "text": "Ühendan arvuti võrgust lahti ja teavitan intsidendijuhti.",
                            "correct": True,
                            "feedback": "Õige. Isoleeri, jäta arvuti tööle ja anna häire.",
                        },
                        {
                            "text": "Maksan lunaraha kiiresti, et seisak jääks lühikeseks.",
                            "correct": False,
                            "feedback": "Maksmine ei taga midagi ja rahastab uusi rünnakuid.",
                        },
                        {
                            "text": "Avan lunarahanõudes oleva lingi, et ründajatega ühendust võtta.",
                            "correct": False,
                            "feedback": "Ära suhtle ründajatega – jäta see spetsialistidele ja politseile.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "SCADA näitab seadeväärtuste muudatusi, mida keegi pole teinud, ja süsteemi ei saa enam usaldada. Mida peaksid operaatorid tegema?",
                    "explanation": "Veevarustus ja ohutus on esikohal. Käsitsijuhtimine ettevalmistatud tööjuhendi järgi hoiab jaama töös, kuni intsidenti uuritakse.",
                    "choices": [
                        {
                            "text": "Jätkame automaatrežiimis ja ootame, kuni IT asja uurib.",
                            "correct": False,
                            "feedback": "Kui süsteemi ei saa usaldada, võib automaatrežiimis toodetud vesi olla ohtlik.",
                        },
                        {
                            "text": "Läheme välja prinditud tööjuhendi järgi üle käsitsijuhtimisele ja kontrollime vee kvaliteeti käsitsi senisest sagedamini.",
                            "correct": True,
                            "feedback": "Õige. Nii püsib veevarustus ohutu, kuni põhjust otsitakse.",
                        },
                        {
                            "text": "Seiskame kohe kogu jaama, kellelegi teatamata.",
                            "correct": False,
                            "feedback": "Kooskõlastamata seiskamine võib ise veevarustuse katkestada – järgi plaani ja teavita intsidendijuhti.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Lunaraha maksmine tagab, et saad oma andmed tagasi ja et neid ei avaldata.",
                    "is_true": False,
                    "explanation": "Kurjategijad jätavad sageli töötava dekrüpteerimisvõtme andmata, avaldavad andmed ikkagi või tulevad uute nõudmistega tagasi. Ametiasutused soovitavad lunaraha mitte maksta.",
                    "feedback_true": "Päris nii see ei ole. Mingit garantiid pole – ja maksmine teeb sinust korduvrünnakute sihtmärgi.",
                    "feedback_false": "Õige. Maksmine ei taga midagi ja rahastab uusi kuritegusid.",
                },
            ],
        },
    },
}


STRONG_PASSWORDS_AND_MFA = {
    "slug": "strong-passwords-and-mfa",
    "estimated_minutes": 10,
    "level": "beginner",
    "sectors": [
        "water",
        "energy",
        "health",
        "manufacturing",
        "agri-food",
        "transport",
        "retail",
        "finance",
        "public-sector",
        "ict",
        "tourism",
        "construction",
    ],
    "topics": ["passwords", "passphrases", "password-manager", "mfa", "authentication"],
    "pass_mark": 70,
    "attempt_limit": None,
    "languages": {
        "en": {
            "title": "Strong passwords and multi-factor authentication",
            "summary": (
                "Learn how to create passphrases that are easy to remember and hard to crack, let a "
                "password manager do the remembering, and protect your accounts with multi-factor "
                "authentication."
            ),
            "body": [
                ("heading", "Why passwords still matter"),
                (
                    "paragraph",
                    "<p>Many break-ins start with a stolen or guessed password. Criminals hold lists of <b>billions of passwords</b> leaked in earlier data breaches and automatically try them on other services – email, online banking, your company's VPN. A single weak or reused password can open the door to the whole business.</p>",
                ),
                ("heading", "Use passphrases"),
                (
                    "paragraph",
                    "<p>Length beats complexity. A passphrase made of four or five <b>random words</b> – for example <i>copper kettle marsh violin</i> (do not use this one!) – is easy to remember and very hard to guess. Aim for at least 15 characters. Avoid song lyrics, famous quotes, names, dates of birth and anything that can be found on your social media.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Never reuse a password. When one service is breached, attackers try the same email address and password everywhere else.",
                    },
                ),
                ("heading", "Let a password manager remember for you"),
                (
                    "paragraph",
                    "<p>A password manager creates and stores a strong, unique password for every account. You only need to remember <b>one strong master passphrase</b>, which you should also protect with multi-factor authentication. A password manager also helps against phishing: it will not fill in your password on a look-alike website. Use the one your organisation provides or recommends.</p>",
                ),
                ("heading", "Turn on multi-factor authentication"),
                (
                    "paragraph",
                    "<p>Multi-factor authentication (MFA) adds a second proof of identity, such as a code from an authenticator app, a confirmation on your phone or a hardware security key. Even if your password is stolen, the attacker cannot sign in. Start with your email, your password manager, remote access and online banking. <b>Security keys and passkeys</b> give the strongest protection against phishing; codes sent by text message are weaker, but still far better than a password alone.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "If you receive a sign-in request that you did not start, do not approve it – someone already knows your password. Deny the request, change your password and tell your IT contact.",
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Do this week",
                        "items": [
                            "Install the password manager your organisation uses and set a strong master passphrase.",
                            "Change every reused password, starting with your email account.",
                            "Turn on MFA for email, remote access, online banking and your password manager.",
                            "Keep your MFA recovery codes in a safe place.",
                            "Never send passwords by email or chat.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "Long passphrases of random words beat short, complicated passwords.",
                        "Use a different password for every account and let a password manager remember them.",
                        "Turn on MFA wherever you can, and never approve a sign-in that you did not start.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Which of these passwords is the strongest?",
                    "explanation": "Length and randomness make a password hard to crack. Attackers try predictable patterns such as seasons, years and symbols in place of letters first.",
                    "choices": [
                        {
                            "text": "P@ssw0rd2024!",
                            "correct": False,
                            "feedback": "Swapping letters for symbols in a common word is among the first guesses in any attack.",
                        },
                        {
                            "text": "Summer2025",
                            "correct": False,
                            "feedback": "Seasons and years are extremely common and quickly guessed.",
                        },
                        {
                            "text": "lantern orbit pebble canyon seventeen",
                            "correct": True,
                            "feedback": "Correct. Several random words make a long passphrase that is hard to crack.",
                        },
                        {
                            "text": "Your dog's name followed by your year of birth",
                            "correct": False,
                            "feedback": "Personal details are easy to find on social media.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "It is fine to reuse a strong password on several websites as long as it is long enough.",
                    "is_true": False,
                    "explanation": "Length does not help if the password leaks from one site: attackers will try it on all the others. Every account needs its own password.",
                    "feedback_true": "Not quite. Once it leaks from one site, a reused password opens all the others.",
                    "feedback_false": "Correct. Even the strongest password must be different for every account.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Which of these are good practices with multi-factor authentication? (Select all that apply.)",
                    "explanation": "MFA protects you only while the second factor stays under your control: prefer strong methods, deny unexpected requests and keep recovery codes safe.",
                    "choices": [
                        {
                            "text": "Prefer an authenticator app or a security key to SMS codes where possible.",
                            "correct": True,
                            "feedback": "Correct – these are harder to intercept.",
                        },
                        {
                            "text": "Deny sign-in requests you did not start and report them.",
                            "correct": True,
                            "feedback": "Correct – an unexpected request means someone has your password.",
                        },
                        {
                            "text": "Keep recovery codes in a safe place.",
                            "correct": True,
                            "feedback": "Correct – they let you get back in if you lose your phone.",
                        },
                        {
                            "text": "Give your MFA code to a caller who says they are from IT support.",
                            "correct": False,
                            "feedback": "Never share codes. Genuine IT support will never ask for them.",
                        },
                        {
                            "text": "Turn off MFA on your email because it is inconvenient.",
                            "correct": False,
                            "feedback": "Email is the key to resetting all your other accounts – it needs MFA more than anything.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "At 2 a.m. your phone asks you to approve a sign-in to your work account. You are not trying to sign in. What do you do?",
                    "explanation": "Attackers who have your password send repeated requests, hoping you will approve one by mistake or just to make them stop.",
                    "choices": [
                        {
                            "text": "Approve it so that the notifications stop.",
                            "correct": False,
                            "feedback": "That is exactly what the attacker wants – you would be letting them in.",
                        },
                        {
                            "text": "Deny it, change your password and tell your IT contact.",
                            "correct": True,
                            "feedback": "Correct. The request shows that someone else knows your password.",
                        },
                        {
                            "text": "Ignore it and go back to sleep.",
                            "correct": False,
                            "feedback": "The attacker still has your password and can keep trying.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "What is the main benefit of a password manager?",
                    "explanation": "A password manager makes strong, unique passwords practical and so removes the dangerous habit of reusing them.",
                    "choices": [
                        {
                            "text": "It remembers a strong, unique password for every account, so you do not have to reuse passwords.",
                            "correct": True,
                            "feedback": "Correct.",
                        },
                        {
                            "text": "It makes multi-factor authentication unnecessary.",
                            "correct": False,
                            "feedback": "MFA is still needed – including for the password manager itself.",
                        },
                        {
                            "text": "It lets you send passwords to colleagues safely by email.",
                            "correct": False,
                            "feedback": "Passwords should never be sent by email; if your organisation allows it, use the password manager's secure sharing feature.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "A password manager can protect you from phishing because it will not fill in your password on a look-alike website.",
                    "is_true": True,
                    "explanation": "The password manager checks the exact web address. If it does not offer to fill in your password, treat that as a warning sign.",
                    "feedback_true": "Correct. If autofill does not work, check the address carefully.",
                    "feedback_false": "Not quite. Because it checks the exact address, a password manager will not fill in your password on a fake site.",
                },
            ],
        },
        "et": {
            "title": "Tugevad paroolid ja mitmeastmeline autentimine",
            "summary": (
                "Õpi looma paroolifraase, mida on lihtne meelde jätta ja raske murda, lase paroolihalduril "
                "paroole meeles pidada ning kaitse oma kontosid mitmeastmelise autentimisega."
            ),
            "body": [
                ("heading", "Miks paroolid on endiselt olulised"),
                (
                    "paragraph",
                    "<p>Paljud sissetungid algavad varastatud või ära arvatud paroolist. Kurjategijatel on nimekirjad <b>miljarditest paroolidest</b>, mis on varasemates andmeleketes avalikuks tulnud, ja nad proovivad neid automaatselt teistes teenustes – e-postis, internetipangas, sinu ettevõtte VPN-is. Üksainus nõrk või mitmes kohas kasutatud parool võib avada ukse kogu ettevõttesse.</p>",
                ),
                ("heading", "Kasuta paroolifraase"),
                (
                    "paragraph",
                    "<p>Pikkus on olulisem kui keerukus. Neljast-viiest <b>juhuslikust sõnast</b> koosnevat paroolifraasi – näiteks <i>kaneel rööbas mustikas tuletorn</i> (ära seda kasuta!) – on lihtne meelde jätta ja väga raske ära arvata. Püüa, et selles oleks vähemalt 15 tähemärki. Väldi laulusõnu, tuntud tsitaate, nimesid, sünnikuupäevi ja kõike, mida saab leida sinu sotsiaalmeedia kontodelt.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Ära kasuta kunagi sama parooli mitmes kohas. Kui ühest teenusest andmed lekivad, proovivad ründajad sama e-posti aadressi ja parooli kõikjal mujal.",
                    },
                ),
                ("heading", "Lase paroolihalduril meeles pidada"),
                (
                    "paragraph",
                    "<p>Paroolihaldur loob ja salvestab iga konto jaoks tugeva ja ainulaadse parooli. Sul tuleb meeles pidada ainult <b>üks tugev ülemparool</b>, mida tasub samuti kaitsta mitmeastmelise autentimisega. Paroolihaldur aitab ka õngitsuse vastu: see ei täida sinu parooli sarnase välimusega võltslehel. Kasuta paroolihaldurit, mida sinu organisatsioon pakub või soovitab.</p>",
                ),
                ("heading", "Lülita sisse mitmeastmeline autentimine"),
                (
                    "paragraph",
                    "<p>Mitmeastmeline autentimine (MFA) lisab teise tõendi sinu isiku kohta, näiteks autentimisrakenduse koodi, kinnituse telefonis või riistvaralise turvavõtme. Isegi kui sinu parool varastatakse, ei saa ründaja sisse logida. Alusta e-postist, paroolihaldurist, kaugjuurdepääsust ja internetipangast. Õngitsuse vastu pakuvad kõige tugevamat kaitset <b>turvavõtmed ja pääsuvõtmed</b>; SMS-iga saadetud koodid on nõrgemad, kuid siiski palju paremad kui ainult parool.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Kui saad sisselogimise kinnitustaotluse, mida sa ise ei algatanud, ära seda kinnita – keegi teab juba sinu parooli. Lükka taotlus tagasi, vaheta parool ja teavita oma IT-kontakti.",
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Tee seda veel sel nädalal",
                        "items": [
                            "Paigalda oma organisatsiooni kasutatav paroolihaldur ja määra sellele tugev ülemparool.",
                            "Vaheta kõik mitmes kohas kasutatud paroolid, alustades e-posti kontost.",
                            "Lülita MFA sisse e-postis, kaugjuurdepääsul, internetipangas ja paroolihalduris.",
                            "Hoia MFA taastekoode turvalises kohas.",
                            "Ära saada paroole kunagi e-kirja ega vestlussõnumiga.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "Pikad juhuslikest sõnadest koosnevad paroolifraasid on paremad kui lühikesed ja keerulised paroolid.",
                        "Kasuta igal kontol eri parooli ja lase paroolihalduril neid meeles pidada.",
                        "Lülita MFA sisse kõikjal, kus võimalik, ja ära kunagi kinnita sisselogimist, mida sa ise ei alustanud.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Milline neist paroolidest on kõige tugevam?",
                    "explanation": "Parooli teevad raskesti murtavaks pikkus ja juhuslikkus. Etteaimatavaid mustreid, nagu aastaajad, aastaarvud ja tähtede asendamine sümbolitega, proovivad ründajad esimesena.",
                    "choices": [
                        {
                            "text": "P@ssw0rd2024!",
                            "correct": False,
                            "feedback": "Tavalise sõna tähtede asendamine sümbolitega on iga rünnaku esimeste katsete hulgas.",
                        },
                        {
                            "text": "Suvi2025",
                            "correct": False,
                            "feedback": "Aastaajad ja aastaarvud on väga levinud ja kergesti ära arvatavad.",
                        },
                        {
                            "text": "latern saun orbiit kivike seitseteist",
                            "correct": True,
                            "feedback": "Õige. Mitmest juhuslikust sõnast koosnev pikk paroolifraas on raskesti murtav.",
                        },
                        {
                            "text": "Sinu koera nimi ja sünniaasta",
                            "correct": False,
                            "feedback": "Isikuandmeid on sotsiaalmeediast lihtne leida.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Tugevat parooli võib kasutada mitmel veebilehel, kui see on piisavalt pikk.",
                    "is_true": False,
                    "explanation": "Pikkusest pole kasu, kui parool ühelt lehelt lekib: ründajad proovivad seda kõigil teistel. Igal kontol peab olema oma parool.",
                    "feedback_true": "Päris nii see ei ole. Kui parool ühest kohast lekib, avab see kõik teised kontod, kus seda on kasutatud.",
                    "feedback_false": "Õige. Isegi kõige tugevam parool peab olema igal kontol erinev.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Millised neist on mitmeastmelise autentimise head tavad? (Vali kõik sobivad vastused.)",
                    "explanation": "MFA kaitseb sind ainult seni, kuni teine tegur püsib sinu kontrolli all: eelista tugevaid meetodeid, lükka ootamatud taotlused tagasi ja hoia taastekoode turvaliselt.",
                    "choices": [
                        {
                            "text": "Eelista võimaluse korral SMS-koodidele autentimisrakendust või turvavõtit.",
                            "correct": True,
                            "feedback": "Õige – neid on raskem kinni püüda.",
                        },
                        {
                            "text": "Lükka tagasi sisselogimistaotlused, mida sa ise ei algatanud, ja anna neist teada.",
                            "correct": True,
                            "feedback": "Õige – ootamatu taotlus tähendab, et kellelgi on sinu parool.",
                        },
                        {
                            "text": "Hoia taastekoode turvalises kohas.",
                            "correct": True,
                            "feedback": "Õige – nende abil pääsed kontole ligi ka siis, kui telefon kaob.",
                        },
                        {
                            "text": "Ütle MFA-kood helistajale, kes väidab end olevat IT-toest.",
                            "correct": False,
                            "feedback": "Ära jaga koode kunagi. Päris IT-tugi neid ei küsi.",
                        },
                        {
                            "text": "Lülita e-postis MFA välja, sest see on ebamugav.",
                            "correct": False,
                            "feedback": "E-post on võti kõigi teiste kontode taastamiseks – just seal on MFA kõige vajalikum.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Kell kaks öösel palub telefon sul kinnitada sisselogimist töökontole. Sa ei ürita sisse logida. Mida teed?",
                    "explanation": "Ründajad, kellel on sinu parool, saadavad korduvaid taotlusi lootuses, et kinnitad ühe kogemata või lihtsalt selleks, et need lõppeksid.",
                    "choices": [
                        {
                            "text": "Kinnitan, et teavitused lõpeksid.",
                            "correct": False,
                            "feedback": "Just seda ründaja tahabki – laseksid ta ise sisse.",
                        },
                        {
                            "text": "Lükkan taotluse tagasi, vahetan parooli ja teavitan IT-kontakti.",
                            "correct": True,
                            "feedback": "Õige. Taotlus näitab, et sinu parool on kellelegi teisele teada.",
                        },
                        {
                            "text": "Ei tee sellest välja ja magan edasi.",
                            "correct": False,
                            "feedback": "Ründajal on endiselt sinu parool ja ta saab aina uuesti proovida.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Mis on paroolihalduri peamine kasu?",
                    "explanation": "Paroolihaldur muudab tugevate ja ainulaadsete paroolide kasutamise praktiliseks ning aitab loobuda ohtlikust harjumusest kasutada sama parooli mitmes kohas.",
                    "choices": [
                        {
                            "text": "See peab iga konto tugevat ja ainulaadset parooli meeles, nii et sa ei pea sama parooli mitmes kohas kasutama.",
                            "correct": True,
                            "feedback": "Õige.",
                        },
                        {
                            "text": "See muudab mitmeastmelise autentimise tarbetuks.",
                            "correct": False,
                            "feedback": "MFA on endiselt vajalik – ka paroolihalduri enda jaoks.",
                        },
                        {
                            "text": "Sellega saab kolleegidele paroole turvaliselt e-postiga saata.",
                            "correct": False,
                            "feedback": "Paroole ei tohi kunagi e-postiga saata; kui organisatsioon seda lubab, kasuta paroolihalduri turvalist jagamisfunktsiooni.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Paroolihaldur võib sind õngitsuse eest kaitsta, sest see ei täida parooli sarnase välimusega võltslehel.",
                    "is_true": True,
                    "explanation": "Paroolihaldur kontrollib täpset veebiaadressi. Kui see ei paku parooli automaatselt täita, võta seda hoiatusmärgina.",
                    "feedback_true": "Õige. Kui automaatne täitmine ei tööta, kontrolli aadressi hoolikalt.",
                    "feedback_false": "Päris nii see ei ole. Kuna paroolihaldur kontrollib täpset aadressi, ei täida see parooli võltslehel.",
                },
            ],
        },
        "fr": {
            "title": "Mots de passe robustes et authentification multifacteur",
            "summary": (
                "Apprenez à créer des phrases de passe faciles à retenir et difficiles à casser, confiez-en "
                "la mémorisation à un gestionnaire de mots de passe et protégez vos comptes grâce à "
                "l'authentification multifacteur."
            ),
            "body": [
                ("heading", "Pourquoi les mots de passe comptent toujours"),
                (
                    "paragraph",
                    "<p>De nombreuses intrusions commencent par un mot de passe volé ou deviné. Les criminels disposent de listes de <b>milliards de mots de passe</b> issus de fuites de données et les essaient automatiquement sur d'autres services : messagerie, banque en ligne, VPN de votre entreprise. Un seul mot de passe faible ou réutilisé peut ouvrir la porte à toute l'entreprise.</p>",
                ),
                ("heading", "Utilisez des phrases de passe"),
                (
                    "paragraph",
                    "<p>La longueur l'emporte sur la complexité. Une phrase de passe composée de quatre ou cinq <b>mots choisis au hasard</b> – par exemple <i>cuivre bouilloire marais violon</i> (n'utilisez pas celle-ci !) – est facile à retenir et très difficile à deviner. Visez au moins 15 caractères. Évitez les paroles de chansons, les citations célèbres, les prénoms, les dates de naissance et tout ce que l'on peut trouver sur vos réseaux sociaux.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Ne réutilisez jamais un mot de passe. Lorsqu'un service est piraté, les attaquants essaient la même adresse e-mail et le même mot de passe partout ailleurs.",
                    },
                ),
                ("heading", "Confiez la mémorisation à un gestionnaire de mots de passe"),
                (
                    "paragraph",
                    "<p>Un gestionnaire de mots de passe crée et conserve un mot de passe robuste et unique pour chaque compte. Vous n'avez plus à retenir qu'<b>une seule phrase de passe maîtresse</b> robuste, à protéger elle aussi par l'authentification multifacteur. Le gestionnaire vous aide également contre l'hameçonnage : il ne remplira pas votre mot de passe sur un site qui imite le vrai. Utilisez celui que fournit ou recommande votre organisation.</p>",
                ),
                ("heading", "Activez l'authentification multifacteur"),
                (
                    "paragraph",
                    "<p>L'authentification multifacteur (MFA) ajoute une deuxième preuve d'identité, comme un code généré par une application d'authentification, une validation sur votre téléphone ou une clé de sécurité physique. Même si votre mot de passe est volé, l'attaquant ne peut pas se connecter. Commencez par votre messagerie, votre gestionnaire de mots de passe, l'accès à distance et la banque en ligne. Les <b>clés de sécurité et les clés d'accès (passkeys)</b> offrent la meilleure protection contre l'hameçonnage ; les codes reçus par SMS sont moins sûrs, mais restent bien meilleurs qu'un mot de passe seul.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Si vous recevez une demande de connexion que vous n'avez pas lancée, ne l'approuvez pas : quelqu'un connaît déjà votre mot de passe. Refusez la demande, changez votre mot de passe et prévenez votre contact informatique.",
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "À faire cette semaine",
                        "items": [
                            "Installez le gestionnaire de mots de passe de votre organisation et définissez une phrase de passe maîtresse robuste.",
                            "Changez tous les mots de passe réutilisés, en commençant par celui de votre messagerie.",
                            "Activez la MFA pour la messagerie, l'accès à distance, la banque en ligne et le gestionnaire de mots de passe.",
                            "Conservez vos codes de récupération MFA en lieu sûr.",
                            "N'envoyez jamais de mot de passe par e-mail ou par messagerie instantanée.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "De longues phrases de passe faites de mots aléatoires valent mieux que des mots de passe courts et compliqués.",
                        "Utilisez un mot de passe différent pour chaque compte et laissez un gestionnaire les retenir pour vous.",
                        "Activez la MFA partout où c'est possible et n'approuvez jamais une connexion que vous n'avez pas lancée.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Lequel de ces mots de passe est le plus robuste ?",
                    "explanation": "La longueur et le hasard rendent un mot de passe difficile à casser. Les attaquants testent d'abord les schémas prévisibles : saisons, années, symboles à la place des lettres.",
                    "choices": [
                        {
                            "text": "P@ssw0rd2024!",
                            "correct": False,
                            "feedback": "Remplacer des lettres par des symboles dans un mot courant fait partie des premiers essais de toute attaque.",
                        },
                        {
                            "text": "Été2025",
                            "correct": False,
                            "feedback": "Les saisons et les années sont très courantes et vite devinées.",
                        },
                        {
                            "text": "lanterne orbite galet canyon dix-sept",
                            "correct": True,
                            "feedback": "Exact. Plusieurs mots aléatoires forment une longue phrase de passe difficile à casser.",
                        },
                        {
                            "text": "Le nom de votre chien suivi de votre année de naissance",
                            "correct": False,
                            "feedback": "Les informations personnelles se trouvent facilement sur les réseaux sociaux.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "On peut réutiliser un mot de passe robuste sur plusieurs sites, à condition qu'il soit assez long.",
                    "is_true": False,
                    "explanation": "La longueur ne sert à rien si le mot de passe fuit d'un site : les attaquants l'essaieront sur tous les autres. Chaque compte a besoin de son propre mot de passe.",
                    "feedback_true": "Pas tout à fait. Dès qu'il fuit d'un site, un mot de passe réutilisé ouvre tous les autres comptes.",
                    "feedback_false": "Exact. Même le mot de passe le plus robuste doit être différent pour chaque compte.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Parmi ces pratiques, lesquelles sont recommandées avec l'authentification multifacteur ? (Cochez toutes les bonnes réponses.)",
                    "explanation": "La MFA ne vous protège que tant que le second facteur reste sous votre contrôle : privilégiez les méthodes robustes, refusez les demandes inattendues et gardez vos codes de récupération en sécurité.",
                    "choices": [
                        {
                            "text": "Privilégier, si possible, une application d'authentification ou une clé de sécurité plutôt que les codes SMS.",
                            "correct": True,
                            "feedback": "Exact – elles sont plus difficiles à intercepter.",
                        },
                        {
                            "text": "Refuser les demandes de connexion que vous n'avez pas lancées et les signaler.",
                            "correct": True,
                            "feedback": "Exact – une demande inattendue signifie que quelqu'un a votre mot de passe.",
                        },
                        {
                            "text": "Conserver les codes de récupération en lieu sûr.",
                            "correct": True,
                            "feedback": "Exact – ils vous permettent de récupérer l'accès si vous perdez votre téléphone.",
                        },
                        {
                            "text": "Communiquer votre code MFA à une personne qui dit appeler du support informatique.",
                            "correct": False,
                            "feedback": "Ne partagez jamais vos codes. Le vrai support informatique ne les demande jamais.",
                        },
                        {
                            "text": "Désactiver la MFA sur votre messagerie parce qu'elle est contraignante.",
                            "correct": False,
                            "feedback": "La messagerie permet de réinitialiser tous vos autres comptes : c'est là que la MFA est la plus indispensable.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "À 2 heures du matin, votre téléphone vous demande d'approuver une connexion à votre compte professionnel. Vous n'essayez pas de vous connecter. Que faites-vous ?",
                    "explanation": "Les attaquants qui ont votre mot de passe envoient des demandes répétées en espérant que vous en approuverez une par erreur ou simplement pour qu'elles cessent.",
                    "choices": [
                        {
                            "text": "J'approuve pour que les notifications s'arrêtent.",
                            "correct": False,
                            "feedback": "C'est exactement ce que veut l'attaquant : vous le laisseriez entrer.",
                        },
                        {
                            "text": "Je refuse, je change mon mot de passe et je préviens mon contact informatique.",
                            "correct": True,
                            "feedback": "Exact. La demande montre que quelqu'un d'autre connaît votre mot de passe.",
                        },
                        {
                            "text": "J'ignore la demande et je me rendors.",
                            "correct": False,
                            "feedback": "L'attaquant garde votre mot de passe et peut continuer d'essayer.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Quel est le principal avantage d'un gestionnaire de mots de passe ?",
                    "explanation": "Le gestionnaire rend réaliste l'usage de mots de passe robustes et uniques, ce qui met fin à la dangereuse habitude de la réutilisation.",
                    "choices": [
                        {
                            "text": "Il retient un mot de passe robuste et unique pour chaque compte, si bien que vous n'avez plus besoin de réutiliser vos mots de passe.",
                            "correct": True,
                            "feedback": "Exact.",
                        },
                        {
                            "text": "Il rend l'authentification multifacteur inutile.",
                            "correct": False,
                            "feedback": "La MFA reste nécessaire, y compris pour le gestionnaire lui-même.",
                        },
                        {
                            "text": "Il permet d'envoyer des mots de passe à vos collègues par e-mail en toute sécurité.",
                            "correct": False,
                            "feedback": "Un mot de passe ne doit jamais être envoyé par e-mail ; si votre organisation l'autorise, utilisez la fonction de partage sécurisé du gestionnaire.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Un gestionnaire de mots de passe peut vous protéger contre l'hameçonnage, car il ne remplit pas votre mot de passe sur un site qui imite le vrai.",
                    "is_true": True,
                    "explanation": "Le gestionnaire vérifie l'adresse exacte du site. S'il ne propose pas de remplir votre mot de passe, considérez-le comme un signal d'alerte.",
                    "feedback_true": "Exact. Si le remplissage automatique ne fonctionne pas, vérifiez attentivement l'adresse.",
                    "feedback_false": "Pas tout à fait. Comme il vérifie l'adresse exacte, le gestionnaire ne remplira pas votre mot de passe sur un faux site.",
                },
            ],
        },
        "it": {
            "title": "Password robuste e autenticazione a più fattori",
            "summary": (
                "Impara a creare passphrase facili da ricordare e difficili da violare, affida la "
                "memorizzazione a un password manager e proteggi i tuoi account con l'autenticazione "
                "a più fattori."
            ),
            "body": [
                ("heading", "Perché le password contano ancora"),
                (
                    "paragraph",
                    "<p>Molte intrusioni iniziano con una password rubata o indovinata. I criminali dispongono di elenchi di <b>miliardi di password</b> trapelate in precedenti violazioni di dati e le provano automaticamente su altri servizi: posta elettronica, home banking, la VPN della tua azienda. Una sola password debole o riutilizzata può aprire le porte dell'intera impresa.</p>",
                ),
                ("heading", "Usa le passphrase"),
                (
                    "paragraph",
                    "<p>La lunghezza conta più della complessità. Una passphrase composta da quattro o cinque <b>parole casuali</b> – per esempio <i>rame bollitore palude violino</i> (non usare questa!) – è facile da ricordare e molto difficile da indovinare. Punta ad almeno 15 caratteri. Evita testi di canzoni, citazioni famose, nomi, date di nascita e tutto ciò che si può trovare sui tuoi profili social.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Non riutilizzare mai una password. Quando un servizio subisce una violazione, gli attaccanti provano lo stesso indirizzo e-mail e la stessa password ovunque.",
                    },
                ),
                ("heading", "Lascia che sia un password manager a ricordare"),
                (
                    "paragraph",
                    "<p>Un password manager genera e conserva una password robusta e diversa per ogni account. Devi ricordare solo <b>una passphrase principale</b> robusta, da proteggere anch'essa con l'autenticazione a più fattori. Il password manager aiuta anche contro il phishing: non inserisce la tua password su un sito che imita quello vero. Usa quello fornito o consigliato dalla tua organizzazione.</p>",
                ),
                ("heading", "Attiva l'autenticazione a più fattori"),
                (
                    "paragraph",
                    "<p>L'autenticazione a più fattori (MFA) aggiunge una seconda prova d'identità, come un codice generato da un'app di autenticazione, una conferma sul telefono o una chiave di sicurezza fisica. Anche se la tua password viene rubata, l'attaccante non riesce ad accedere. Inizia da posta elettronica, password manager, accesso remoto e home banking. Le <b>chiavi di sicurezza e le passkey</b> offrono la protezione più forte contro il phishing; i codici via SMS sono più deboli, ma comunque molto meglio della sola password.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Se ricevi una richiesta di accesso che non hai avviato tu, non approvarla: qualcuno conosce già la tua password. Rifiuta la richiesta, cambia la password e avvisa il tuo referente informatico.",
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Da fare questa settimana",
                        "items": [
                            "Installa il password manager usato dalla tua organizzazione e imposta una passphrase principale robusta.",
                            "Cambia tutte le password riutilizzate, a partire da quella della posta elettronica.",
                            "Attiva la MFA su posta elettronica, accesso remoto, home banking e password manager.",
                            "Conserva i codici di recupero della MFA in un luogo sicuro.",
                            "Non inviare mai password via e-mail o chat.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "Le passphrase lunghe fatte di parole casuali battono le password brevi e complicate.",
                        "Usa una password diversa per ogni account e lascia che un password manager le ricordi per te.",
                        "Attiva la MFA ovunque sia possibile e non approvare mai un accesso che non hai avviato tu.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Quale di queste password è la più robusta?",
                    "explanation": "Lunghezza e casualità rendono una password difficile da violare. Gli attaccanti provano per primi gli schemi prevedibili, come stagioni, anni e simboli al posto delle lettere.",
                    "choices": [
                        {
                            "text": "P@ssw0rd2024!",
                            "correct": False,
                            "feedback": "Sostituire lettere con simboli in una parola comune è tra i primi tentativi di qualsiasi attacco.",
                        },
                        {
                            "text": "Estate2025",
                            "correct": False,
                            "feedback": "Stagioni e anni sono molto comuni e si indovinano in fretta.",
                        },
                        {
                            "text": "lanterna orbita ciottolo canyon diciassette",
                            "correct": True,
                            "feedback": "Esatto. Più parole casuali formano una passphrase lunga e difficile da violare.",
                        },
                        {
                            "text": "Il nome del tuo cane seguito dal tuo anno di nascita",
                            "correct": False,
                            "feedback": "I dati personali si trovano facilmente sui social.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Si può riutilizzare una password robusta su più siti, purché sia abbastanza lunga.",
                    "is_true": False,
                    "explanation": "La lunghezza non serve se la password trapela da un sito: gli attaccanti la proveranno su tutti gli altri. Ogni account ha bisogno della sua password.",
                    "feedback_true": "Non proprio. Una volta trapelata da un sito, una password riutilizzata apre tutti gli altri account.",
                    "feedback_false": "Esatto. Anche la password più robusta deve essere diversa per ogni account.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Quali di queste sono buone pratiche con l'autenticazione a più fattori? (Seleziona tutte le risposte corrette.)",
                    "explanation": "La MFA ti protegge solo finché il secondo fattore resta sotto il tuo controllo: preferisci metodi robusti, rifiuta le richieste inattese e custodisci i codici di recupero.",
                    "choices": [
                        {
                            "text": "Preferire, quando possibile, un'app di autenticazione o una chiave di sicurezza ai codici SMS.",
                            "correct": True,
                            "feedback": "Esatto: sono più difficili da intercettare.",
                        },
                        {
                            "text": "Rifiutare le richieste di accesso che non hai avviato e segnalarle.",
                            "correct": True,
                            "feedback": "Esatto: una richiesta inattesa significa che qualcuno ha la tua password.",
                        },
                        {
                            "text": "Conservare i codici di recupero in un luogo sicuro.",
                            "correct": True,
                            "feedback": "Esatto: ti permettono di rientrare se perdi il telefono.",
                        },
                        {
                            "text": "Comunicare il codice MFA a chi telefona dicendo di essere dell'assistenza informatica.",
                            "correct": False,
                            "feedback": "Non condividere mai i codici. La vera assistenza informatica non li chiede mai.",
                        },
                        {
                            "text": "Disattivare la MFA sulla posta elettronica perché è scomoda.",
                            "correct": False,
                            "feedback": "La posta serve a reimpostare tutti gli altri account: è proprio lì che la MFA è più necessaria.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Alle 2 di notte il telefono ti chiede di approvare un accesso al tuo account di lavoro. Non stai cercando di accedere. Che cosa fai?",
                    "explanation": "Gli attaccanti che hanno la tua password inviano richieste ripetute sperando che tu ne approvi una per errore o solo per farle smettere.",
                    "choices": [
                        {
                            "text": "Approvo, così le notifiche smettono.",
                            "correct": False,
                            "feedback": "È proprio ciò che vuole l'attaccante: lo faresti entrare.",
                        },
                        {
                            "text": "Rifiuto, cambio la password e avviso il referente informatico.",
                            "correct": True,
                            "feedback": "Esatto. La richiesta dimostra che qualcun altro conosce la tua password.",
                        },
                        {
                            "text": "La ignoro e torno a dormire.",
                            "correct": False,
                            "feedback": "L'attaccante ha ancora la tua password e può continuare a provarci.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Qual è il vantaggio principale di un password manager?",
                    "explanation": "Un password manager rende pratico l'uso di password robuste e diverse, eliminando la pericolosa abitudine di riutilizzarle.",
                    "choices": [
                        {
                            "text": "Ricorda una password robusta e diversa per ogni account, così non devi riutilizzare le password.",
                            "correct": True,
                            "feedback": "Esatto.",
                        },
                        {
                            "text": "Rende inutile l'autenticazione a più fattori.",
                            "correct": False,
                            "feedback": "La MFA resta necessaria, anche per il password manager stesso.",
                        },
                        {
                            "text": "Permette di inviare in sicurezza le password ai colleghi via e-mail.",
                            "correct": False,
                            "feedback": "Le password non vanno mai inviate via e-mail; se la tua organizzazione lo consente, usa la funzione di condivisione sicura del password manager.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Un password manager può proteggerti dal phishing, perché non inserisce la password su un sito che imita quello vero.",
                    "is_true": True,
                    "explanation": "Il password manager controlla l'indirizzo esatto del sito. Se non propone di inserire la password, consideralo un campanello d'allarme.",
                    "feedback_true": "Esatto. Se la compilazione automatica non funziona, controlla bene l'indirizzo.",
                    "feedback_false": "Non proprio. Poiché verifica l'indirizzo esatto, il password manager non inserisce la password su un sito falso.",
                },
            ],
        },
        "sk": {
            "title": "Silné heslá a viacfaktorová autentifikácia",
            "summary": (
                "Naučte sa vytvárať prístupové frázy, ktoré si ľahko zapamätáte a ktoré sa ťažko prelomia, "
                "nechajte pamätanie hesiel na správcu hesiel a chráňte svoje účty viacfaktorovou "
                "autentifikáciou."
            ),
            "body": [
                ("heading", "Prečo na heslách stále záleží"),
                (
                    "paragraph",
                    "<p>Mnohé útoky sa začínajú ukradnutým alebo uhádnutým heslom. Kriminálnici majú zoznamy <b>miliárd hesiel</b> z predchádzajúcich únikov dát a automaticky ich skúšajú na iných službách – v e-maile, internetovom bankovníctve či vo firemnej VPN. Jediné slabé alebo opakovane použité heslo môže otvoriť dvere do celej firmy.</p>",
                ),
                ("heading", "Používajte prístupové frázy"),
                (
                    "paragraph",
                    "<p>Dĺžka je dôležitejšia ako zložitosť. Prístupová fráza zo štyroch či piatich <b>náhodných slov</b> – napríklad <i>meď kanvica močiar husle</i> (túto nepoužívajte!) – sa ľahko pamätá a veľmi ťažko uhádne. Snažte sa o aspoň 15 znakov. Vyhýbajte sa textom piesní, známym citátom, menám, dátumom narodenia a všetkému, čo sa dá nájsť na vašich sociálnych sieťach.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Nikdy nepoužívajte to isté heslo na viacerých miestach. Keď uniknú údaje z jednej služby, útočníci vyskúšajú rovnakú e-mailovú adresu a heslo všade inde.",
                    },
                ),
                ("heading", "Nechajte heslá pamätať správcu hesiel"),
                (
                    "paragraph",
                    "<p>Správca hesiel vytvorí a uloží silné a jedinečné heslo pre každý účet. Vy si musíte pamätať len <b>jednu silnú hlavnú prístupovú frázu</b>, ktorú by ste mali tiež chrániť viacfaktorovou autentifikáciou. Správca hesiel pomáha aj proti phishingu: na falošnej stránke, ktorá napodobňuje skutočnú, heslo nevyplní. Používajte ten, ktorý poskytuje alebo odporúča vaša organizácia.</p>",
                ),
                ("heading", "Zapnite viacfaktorovú autentifikáciu"),
                (
                    "paragraph",
                    "<p>Viacfaktorová autentifikácia (MFA) pridáva druhý dôkaz totožnosti, napríklad kód z overovacej aplikácie, potvrdenie v mobile alebo hardvérový bezpečnostný kľúč. Aj keď vám heslo ukradnú, útočník sa neprihlási. Začnite e-mailom, správcom hesiel, vzdialeným prístupom a internetovým bankovníctvom. Najsilnejšiu ochranu proti phishingu poskytujú <b>bezpečnostné kľúče a prístupové kľúče (passkeys)</b>; kódy zasielané cez SMS sú slabšie, ale stále oveľa lepšie ako samotné heslo.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Ak dostanete žiadosť o prihlásenie, ktorú ste sami nespustili, neschvaľujte ju – niekto už pozná vaše heslo. Žiadosť zamietnite, zmeňte si heslo a dajte vedieť svojej kontaktnej osobe pre IT.",
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Urobte ešte tento týždeň",
                        "items": [
                            "Nainštalujte si správcu hesiel, ktorého používa vaša organizácia, a nastavte silnú hlavnú prístupovú frázu.",
                            "Zmeňte všetky heslá, ktoré používate na viacerých miestach, a začnite e-mailovým účtom.",
                            "Zapnite MFA pre e-mail, vzdialený prístup, internetové bankovníctvo a správcu hesiel.",
                            "Obnovovacie kódy pre MFA si uschovajte na bezpečnom mieste.",
                            "Nikdy neposielajte heslá e-mailom ani cez chat.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "Dlhé prístupové frázy z náhodných slov sú lepšie ako krátke a zložité heslá.",
                        "Pre každý účet používajte iné heslo a ich pamätanie nechajte na správcu hesiel.",
                        "Zapnite MFA všade, kde sa dá, a nikdy neschvaľujte prihlásenie, ktoré ste sami nespustili.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Ktoré z týchto hesiel je najsilnejšie?",
                    "explanation": "Heslo je ťažké prelomiť vďaka dĺžke a náhodnosti. Predvídateľné vzory, ako sú ročné obdobia, roky či symboly namiesto písmen, útočníci skúšajú ako prvé.",
                    "choices": [
                        {
                            "text": "P@ssw0rd2024!",
                            "correct": False,
                            "feedback": "Nahradenie písmen symbolmi v bežnom slove patrí k prvým pokusom pri každom útoku.",
                        },
                        {
                            "text": "Leto2025",
                            "correct": False,
                            "feedback": "Ročné obdobia a roky sú veľmi bežné a rýchlo sa uhádnu.",
                        },
                        {
                            "text": "lampáš kométa kamienok kaňon sedemnásť",
                            "correct": True,
                            "feedback": "Správne. Viacero náhodných slov tvorí dlhú prístupovú frázu, ktorú je ťažké prelomiť.",
                        },
                        {
                            "text": "Meno vášho psa a rok vášho narodenia",
                            "correct": False,
                            "feedback": "Osobné údaje sa dajú ľahko nájsť na sociálnych sieťach.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Silné heslo môžete použiť na viacerých webových stránkach, ak je dostatočne dlhé.",
                    "is_true": False,
                    "explanation": "Dĺžka nepomôže, ak heslo unikne z jednej stránky: útočníci ho vyskúšajú na všetkých ostatných. Každý účet potrebuje vlastné heslo.",
                    "feedback_true": "Nie celkom. Keď heslo unikne z jednej stránky, otvorí aj všetky ostatné účty, kde ste ho použili.",
                    "feedback_false": "Správne. Aj to najsilnejšie heslo musí byť pre každý účet iné.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Ktoré z týchto postupov sú pri viacfaktorovej autentifikácii správne? (Vyberte všetky správne odpovede.)",
                    "explanation": "MFA vás chráni, len kým druhý faktor zostáva pod vašou kontrolou: uprednostnite silné metódy, zamietajte nečakané žiadosti a obnovovacie kódy majte v bezpečí.",
                    "choices": [
                        {
                            "text": "Ak je to možné, uprednostniť overovaciu aplikáciu alebo bezpečnostný kľúč pred kódmi cez SMS.",
                            "correct": True,
                            "feedback": "Správne – tie sa ťažšie zachytávajú.",
                        },
                        {
                            "text": "Zamietnuť žiadosti o prihlásenie, ktoré ste sami nespustili, a nahlásiť ich.",
                            "correct": True,
                            "feedback": "Správne – nečakaná žiadosť znamená, že niekto má vaše heslo.",
                        },
                        {
                            "text": "Uschovať obnovovacie kódy na bezpečnom mieste.",
                            "correct": True,
                            "feedback": "Správne – umožnia vám obnoviť prístup, ak stratíte telefón.",
                        },
                        {
                            "text": "Povedať kód MFA volajúcemu, ktorý tvrdí, že je z IT podpory.",
                            "correct": False,
                            "feedback": "Kódy nikdy nezdieľajte. Skutočná IT podpora si ich nikdy nepýta.",
                        },
                        {
                            "text": "Vypnúť MFA v e-maile, pretože je nepohodlná.",
                            "correct": False,
                            "feedback": "Cez e-mail sa obnovujú všetky ostatné účty – práve tam je MFA najdôležitejšia.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "O druhej v noci vás telefón žiada o schválenie prihlásenia do pracovného účtu. Vy sa neprihlasujete. Čo urobíte?",
                    "explanation": "Útočníci, ktorí majú vaše heslo, posielajú opakované žiadosti v nádeji, že jednu omylom schválite alebo len preto, aby prestali chodiť.",
                    "choices": [
                        {
                            "text": "Schválim ju, aby upozornenia prestali.",
                            "correct": False,
                            "feedback": "Presne to chce útočník – pustili by ste ho dnu.",
                        },
                        {
                            "text": "Zamietnem ju, zmením si heslo a dám vedieť kontaktnej osobe pre IT.",
                            "correct": True,
                            "feedback": "Správne. Žiadosť ukazuje, že vaše heslo pozná niekto iný.",
                        },
                        {
                            "text": "Nevšímam si ju a spím ďalej.",
                            "correct": False,
                            "feedback": "Útočník má stále vaše heslo a môže to skúšať znova.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Aký je hlavný prínos správcu hesiel?",
                    "explanation": "Správca hesiel robí používanie silných a jedinečných hesiel praktickým a odstraňuje nebezpečný zvyk používať to isté heslo opakovane.",
                    "choices": [
                        {
                            "text": "Pamätá si silné a jedinečné heslo pre každý účet, takže nemusíte používať to isté heslo opakovane.",
                            "correct": True,
                            "feedback": "Správne.",
                        },
                        {
                            "text": "Vďaka nemu je viacfaktorová autentifikácia zbytočná.",
                            "correct": False,
                            "feedback": "MFA je stále potrebná – aj pre samotného správcu hesiel.",
                        },
                        {
                            "text": "Umožňuje bezpečne posielať heslá kolegom e-mailom.",
                            "correct": False,
                            "feedback": "Heslá sa nikdy neposielajú e-mailom; ak to vaša organizácia povoľuje, použite funkciu bezpečného zdieľania v správcovi hesiel.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Správca hesiel vás môže chrániť pred phishingom, pretože nevyplní heslo na stránke, ktorá napodobňuje skutočnú.",
                    "is_true": True,
                    "explanation": "Správca hesiel kontroluje presnú webovú adresu. Ak vám neponúkne vyplnenie hesla, berte to ako varovný signál.",
                    "feedback_true": "Správne. Ak automatické vyplnenie nefunguje, dôkladne skontrolujte adresu.",
                    "feedback_false": "Nie celkom. Keďže kontroluje presnú adresu, správca hesiel na falošnej stránke heslo nevyplní.",
                },
            ],
        },
        "sl": {
            "title": "Močna gesla in večfaktorska avtentikacija",
            "summary": (
                "Naučite se sestaviti gesla iz več besed, ki si jih zlahka zapomnite in jih je težko "
                "razbiti, pomnjenje prepustite upravitelju gesel ter zaščitite svoje račune z večfaktorsko "
                "avtentikacijo."
            ),
            "body": [
                ("heading", "Zakaj so gesla še vedno pomembna"),
                (
                    "paragraph",
                    "<p>Številni vdori se začnejo z ukradenim ali uganjenim geslom. Kriminalci imajo sezname <b>milijard gesel</b> iz preteklih uhajanj podatkov in jih samodejno preizkušajo pri drugih storitvah – e-pošti, spletni banki, VPN vašega podjetja. Eno samo šibko ali večkrat uporabljeno geslo lahko odpre vrata v celotno podjetje.</p>",
                ),
                ("heading", "Uporabljajte gesla iz več besed"),
                (
                    "paragraph",
                    "<p>Dolžina je pomembnejša od zapletenosti. Geslo iz štirih ali petih <b>naključnih besed</b> – na primer <i>baker čajnik barje violina</i> (tega ne uporabite!) – si zlahka zapomnite, uganiti pa ga je zelo težko. Prizadevajte si za vsaj 15 znakov. Izogibajte se besedilom pesmi, znanim citatom, imenom, datumom rojstva in vsemu, kar je mogoče najti na vaših družbenih omrežjih.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Istega gesla nikoli ne uporabite večkrat. Ko pride do vdora v eno storitev, napadalci isti e-poštni naslov in geslo preizkusijo povsod drugje.",
                    },
                ),
                ("heading", "Naj si gesla zapomni upravitelj gesel"),
                (
                    "paragraph",
                    "<p>Upravitelj gesel ustvari in shrani močno in edinstveno geslo za vsak račun. Zapomniti si morate le <b>eno močno glavno geslo</b>, ki ga zaščitite tudi z večfaktorsko avtentikacijo. Upravitelj gesel pomaga tudi proti spletnemu ribarjenju (phishingu): gesla ne bo vnesel na spletni strani, ki posnema pravo. Uporabljajte tistega, ki ga zagotavlja ali priporoča vaša organizacija.</p>",
                ),
                ("heading", "Vklopite večfaktorsko avtentikacijo"),
                (
                    "paragraph",
                    "<p>Večfaktorska avtentikacija (MFA) doda drugi dokaz istovetnosti, na primer kodo iz aplikacije za avtentikacijo, potrditev na telefonu ali strojni varnostni ključ. Tudi če vam geslo ukradejo, se napadalec ne more prijaviti. Začnite z e-pošto, upraviteljem gesel, oddaljenim dostopom in spletno banko. Najmočnejšo zaščito pred ribarjenjem nudijo <b>varnostni ključi in ključi za dostop (passkeys)</b>; kode, poslane po SMS, so šibkejše, a še vedno veliko boljše od samega gesla.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Če prejmete zahtevo za prijavo, ki je niste sprožili sami, je ne potrdite – nekdo že pozna vaše geslo. Zahtevo zavrnite, zamenjajte geslo in obvestite svojo kontaktno osebo za IT.",
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Naredite še ta teden",
                        "items": [
                            "Namestite upravitelja gesel, ki ga uporablja vaša organizacija, in nastavite močno glavno geslo.",
                            "Zamenjajte vsa gesla, ki jih uporabljate na več mestih, začenši z e-poštnim računom.",
                            "Vklopite MFA za e-pošto, oddaljeni dostop, spletno banko in upravitelja gesel.",
                            "Obnovitvene kode za MFA shranite na varnem mestu.",
                            "Gesel nikoli ne pošiljajte po e-pošti ali v klepetu.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "Dolga gesla iz naključnih besed so boljša od kratkih in zapletenih gesel.",
                        "Za vsak račun uporabite drugo geslo in pustite, da si jih zapomni upravitelj gesel.",
                        "Vklopite MFA povsod, kjer je mogoče, in nikoli ne potrdite prijave, ki je niste sprožili sami.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Katero od teh gesel je najmočnejše?",
                    "explanation": "Geslo je težko razbiti zaradi dolžine in naključnosti. Predvidljive vzorce, kot so letni časi, letnice in simboli namesto črk, napadalci preizkusijo najprej.",
                    "choices": [
                        {
                            "text": "P@ssw0rd2024!",
                            "correct": False,
                            "feedback": "Zamenjava črk s simboli v običajni besedi je med prvimi poskusi pri vsakem napadu.",
                        },
                        {
                            "text": "Poletje2025",
                            "correct": False,
                            "feedback": "Letni časi in letnice so zelo pogosti in jih hitro uganejo.",
                        },
                        {
                            "text": "svetilka komet kamenček kanjon sedemnajst",
                            "correct": True,
                            "feedback": "Pravilno. Več naključnih besed tvori dolgo geslo, ki ga je težko razbiti.",
                        },
                        {
                            "text": "Ime vašega psa in vaša letnica rojstva",
                            "correct": False,
                            "feedback": "Osebne podatke je lahko najti na družbenih omrežjih.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Močno geslo lahko uporabite na več spletnih mestih, če je le dovolj dolgo.",
                    "is_true": False,
                    "explanation": "Dolžina ne pomaga, če geslo uide z enega spletnega mesta: napadalci ga bodo preizkusili na vseh drugih. Vsak račun potrebuje svoje geslo.",
                    "feedback_true": "Ne povsem. Ko geslo uide z enega mesta, odpre vse druge račune, kjer ste ga uporabili.",
                    "feedback_false": "Pravilno. Tudi najmočnejše geslo mora biti za vsak račun drugačno.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Katere od teh navad so dobre pri večfaktorski avtentikaciji? (Izberite vse pravilne odgovore.)",
                    "explanation": "MFA vas varuje le, dokler drugi faktor ostaja pod vašim nadzorom: izberite močne metode, zavrnite nepričakovane zahteve in varno shranite obnovitvene kode.",
                    "choices": [
                        {
                            "text": "Kadar je mogoče, namesto kod po SMS uporabiti aplikacijo za avtentikacijo ali varnostni ključ.",
                            "correct": True,
                            "feedback": "Pravilno – te je težje prestreči.",
                        },
                        {
                            "text": "Zavrniti zahteve za prijavo, ki jih niste sprožili sami, in jih prijaviti.",
                            "correct": True,
                            "feedback": "Pravilno – nepričakovana zahteva pomeni, da ima nekdo vaše geslo.",
                        },
                        {
                            "text": "Obnovitvene kode hraniti na varnem mestu.",
                            "correct": True,
                            "feedback": "Pravilno – z njimi si povrnete dostop, če izgubite telefon.",
                        },
                        {
                            "text": "Kodo MFA povedati klicatelju, ki trdi, da je iz IT-podpore.",
                            "correct": False,
                            "feedback": "Kod nikoli ne delite. Prava IT-podpora jih nikoli ne zahteva.",
                        },
                        {
                            "text": "Izklopiti MFA za e-pošto, ker je nerodna.",
                            "correct": False,
                            "feedback": "Prek e-pošte se ponastavljajo vsi drugi računi – prav tam je MFA najbolj potrebna.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Ob dveh ponoči vas telefon prosi, da potrdite prijavo v službeni račun. Vi se ne prijavljate. Kaj storite?",
                    "explanation": "Napadalci, ki imajo vaše geslo, pošiljajo ponavljajoče se zahteve v upanju, da boste eno potrdili pomotoma ali le zato, da bi prenehale.",
                    "choices": [
                        {
                            "text": "Potrdim jo, da obvestila prenehajo.",
                            "correct": False,
                            "feedback": "Prav to si napadalec želi – spustili bi ga noter.",
                        },
                        {
                            "text": "Zavrnem jo, zamenjam geslo in obvestim kontaktno osebo za IT.",
                            "correct": True,
                            "feedback": "Pravilno. Zahteva kaže, da vaše geslo pozna nekdo drug.",
                        },
                        {
                            "text": "Ne zmenim se zanjo in spim naprej.",
                            "correct": False,
                            "feedback": "Napadalec ima še vedno vaše geslo in lahko poskuša znova.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Kaj je glavna korist upravitelja gesel?",
                    "explanation": "Upravitelj gesel omogoča, da v praksi uporabljate močna in edinstvena gesla, in odpravi nevarno navado ponovne uporabe gesel.",
                    "choices": [
                        {
                            "text": "Zapomni si močno in edinstveno geslo za vsak račun, zato vam istega gesla ni treba uporabljati večkrat.",
                            "correct": True,
                            "feedback": "Pravilno.",
                        },
                        {
                            "text": "Zaradi njega večfaktorska avtentikacija ni več potrebna.",
                            "correct": False,
                            "feedback": "MFA je še vedno potrebna – tudi za sam upravitelj gesel.",
                        },
                        {
                            "text": "Z njim lahko gesla varno pošiljate sodelavcem po e-pošti.",
                            "correct": False,
                            "feedback": "Gesel nikoli ne pošiljajte po e-pošti; če vaša organizacija to dovoljuje, uporabite funkcijo varnega deljenja v upravitelju gesel.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Upravitelj gesel vas lahko zaščiti pred ribarjenjem, saj gesla ne vnese na spletni strani, ki posnema pravo.",
                    "is_true": True,
                    "explanation": "Upravitelj gesel preveri točen spletni naslov. Če vam ne ponudi samodejnega vnosa gesla, to razumite kot opozorilni znak.",
                    "feedback_true": "Pravilno. Če samodejni vnos ne deluje, natančno preverite naslov.",
                    "feedback_false": "Ne povsem. Ker preverja točen naslov, upravitelj gesel na lažni strani gesla ne vnese.",
                },
            ],
        },
        "es": {
            "title": "Contraseñas robustas y autenticación multifactor",
            "summary": (
                "Aprende a crear frases de contraseña fáciles de recordar y difíciles de descifrar, deja que "
                "un gestor de contraseñas las recuerde por ti y protege tus cuentas con la autenticación "
                "multifactor."
            ),
            "body": [
                ("heading", "Por qué las contraseñas siguen siendo importantes"),
                (
                    "paragraph",
                    "<p>Muchas intrusiones empiezan con una contraseña robada o adivinada. Los delincuentes tienen listas con <b>miles de millones de contraseñas</b> filtradas en brechas anteriores y las prueban de forma automática en otros servicios: el correo, la banca en línea o la VPN de tu empresa. Una sola contraseña débil o reutilizada puede abrir la puerta a toda la empresa.</p>",
                ),
                ("heading", "Usa frases de contraseña"),
                (
                    "paragraph",
                    "<p>La longitud importa más que la complejidad. Una frase de contraseña formada por cuatro o cinco <b>palabras al azar</b> –por ejemplo, <i>cobre tetera pantano violín</i> (¡no uses esta!)– es fácil de recordar y muy difícil de adivinar. Intenta que tenga al menos 15 caracteres. Evita letras de canciones, citas famosas, nombres, fechas de nacimiento y cualquier dato que se pueda encontrar en tus redes sociales.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "No reutilices nunca una contraseña. Cuando un servicio sufre una brecha, los atacantes prueban el mismo correo electrónico y la misma contraseña en todas partes.",
                    },
                ),
                ("heading", "Deja que un gestor de contraseñas las recuerde por ti"),
                (
                    "paragraph",
                    "<p>Un gestor de contraseñas crea y guarda una contraseña robusta y única para cada cuenta. Solo tienes que recordar <b>una frase de contraseña maestra</b> robusta, que también conviene proteger con autenticación multifactor. Además, te ayuda frente al phishing: no rellenará tu contraseña en una web que imite a la auténtica. Utiliza el que proporcione o recomiende tu organización.</p>",
                ),
                ("heading", "Activa la autenticación multifactor"),
                (
                    "paragraph",
                    "<p>La autenticación multifactor (MFA) añade una segunda prueba de identidad, como un código de una aplicación de autenticación, una confirmación en el móvil o una llave de seguridad física. Aunque te roben la contraseña, el atacante no podrá iniciar sesión. Empieza por el correo, el gestor de contraseñas, el acceso remoto y la banca en línea. Las <b>llaves de seguridad y las claves de acceso (passkeys)</b> ofrecen la mejor protección frente al phishing; los códigos por SMS son más débiles, pero siguen siendo mucho mejores que una contraseña sola.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Si recibes una solicitud de inicio de sesión que no has hecho tú, no la apruebes: alguien ya conoce tu contraseña. Rechaza la solicitud, cambia la contraseña y avisa a tu contacto de informática.",
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Hazlo esta semana",
                        "items": [
                            "Instala el gestor de contraseñas que utiliza tu organización y define una frase de contraseña maestra robusta.",
                            "Cambia todas las contraseñas reutilizadas, empezando por la del correo electrónico.",
                            "Activa la MFA en el correo, el acceso remoto, la banca en línea y el gestor de contraseñas.",
                            "Guarda los códigos de recuperación de la MFA en un lugar seguro.",
                            "No envíes nunca contraseñas por correo electrónico ni por chat.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "Las frases de contraseña largas con palabras al azar son mejores que las contraseñas cortas y complicadas.",
                        "Usa una contraseña distinta para cada cuenta y deja que un gestor de contraseñas las recuerde.",
                        "Activa la MFA siempre que puedas y no apruebes nunca un inicio de sesión que no hayas hecho tú.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "¿Cuál de estas contraseñas es la más robusta?",
                    "explanation": "La longitud y el azar hacen que una contraseña sea difícil de descifrar. Los atacantes prueban primero patrones previsibles como estaciones, años o símbolos en lugar de letras.",
                    "choices": [
                        {
                            "text": "P@ssw0rd2024!",
                            "correct": False,
                            "feedback": "Sustituir letras por símbolos en una palabra común es uno de los primeros intentos de cualquier ataque.",
                        },
                        {
                            "text": "Verano2025",
                            "correct": False,
                            "feedback": "Las estaciones y los años son muy comunes y se adivinan enseguida.",
                        },
                        {
                            "text": "farol órbita guijarro cañón diecisiete",
                            "correct": True,
                            "feedback": "Correcto. Varias palabras al azar forman una frase de contraseña larga y difícil de descifrar.",
                        },
                        {
                            "text": "El nombre de tu perro y tu año de nacimiento",
                            "correct": False,
                            "feedback": "Los datos personales se encuentran fácilmente en las redes sociales.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Se puede reutilizar una contraseña robusta en varios sitios web siempre que sea lo bastante larga.",
                    "is_true": False,
                    "explanation": "La longitud no sirve de nada si la contraseña se filtra en un sitio: los atacantes la probarán en todos los demás. Cada cuenta necesita su propia contraseña.",
                    "feedback_true": "No exactamente. Si se filtra en un sitio, una contraseña reutilizada abre todas las demás cuentas.",
                    "feedback_false": "Correcto. Incluso la contraseña más robusta debe ser distinta en cada cuenta.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "¿Cuáles de estas son buenas prácticas con la autenticación multifactor? (Selecciona todas las respuestas correctas.)",
                    "explanation": "La MFA solo te protege mientras el segundo factor siga bajo tu control: elige métodos robustos, rechaza las solicitudes inesperadas y guarda bien los códigos de recuperación.",
                    "choices": [
                        {
                            "text": "Preferir, cuando sea posible, una aplicación de autenticación o una llave de seguridad a los códigos por SMS.",
                            "correct": True,
                            "feedback": "Correcto: son más difíciles de interceptar.",
                        },
                        {
                            "text": "Rechazar las solicitudes de inicio de sesión que no hayas hecho tú y notificarlas.",
                            "correct": True,
                            "feedback": "Correcto: una solicitud inesperada significa que alguien tiene tu contraseña.",
                        },
                        {
                            "text": "Guardar los códigos de recuperación en un lugar seguro.",
                            "correct": True,
                            "feedback": "Correcto: te permiten recuperar el acceso si pierdes el móvil.",
                        },
                        {
                            "text": "Dar tu código de MFA a alguien que llama diciendo que es del soporte informático.",
                            "correct": False,
                            "feedback": "No compartas nunca los códigos. El soporte informático de verdad nunca los pide.",
                        },
                        {
                            "text": "Desactivar la MFA en el correo porque resulta incómoda.",
                            "correct": False,
                            "feedback": "El correo sirve para restablecer todas tus demás cuentas: es justo donde más falta hace la MFA.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "A las dos de la madrugada, tu móvil te pide aprobar un inicio de sesión en tu cuenta del trabajo. No estás intentando entrar. ¿Qué haces?",
                    "explanation": "Los atacantes que tienen tu contraseña envían solicitudes repetidas con la esperanza de que apruebes una por error o solo para que dejen de llegar.",
                    "choices": [
                        {
                            "text": "La apruebo para que dejen de llegar notificaciones.",
                            "correct": False,
                            "feedback": "Es justo lo que quiere el atacante: le estarías dejando entrar.",
                        },
                        {
                            "text": "La rechazo, cambio la contraseña y aviso a mi contacto de informática.",
                            "correct": True,
                            "feedback": "Correcto. La solicitud demuestra que otra persona conoce tu contraseña.",
                        },
                        {
                            "text": "La ignoro y sigo durmiendo.",
                            "correct": False,
                            "feedback": "El atacante sigue teniendo tu contraseña y puede volver a intentarlo.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "¿Cuál es la principal ventaja de un gestor de contraseñas?",
                    "explanation": "Un gestor de contraseñas hace viable usar contraseñas robustas y únicas, y acaba con la peligrosa costumbre de reutilizarlas.",
                    "choices": [
                        {
                            "text": "Recuerda una contraseña robusta y única para cada cuenta, así que no necesitas reutilizar contraseñas.",
                            "correct": True,
                            "feedback": "Correcto.",
                        },
                        {
                            "text": "Hace innecesaria la autenticación multifactor.",
                            "correct": False,
                            "feedback": "La MFA sigue siendo necesaria, también para el propio gestor.",
                        },
                        {
                            "text": "Permite enviar contraseñas a los compañeros por correo electrónico de forma segura.",
                            "correct": False,
                            "feedback": "Las contraseñas nunca deben enviarse por correo; si tu organización lo permite, usa la función para compartir de forma segura del gestor.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Un gestor de contraseñas puede protegerte del phishing porque no rellena la contraseña en una web que imita a la auténtica.",
                    "is_true": True,
                    "explanation": "El gestor comprueba la dirección web exacta. Si no te ofrece rellenar la contraseña, tómalo como una señal de alarma.",
                    "feedback_true": "Correcto. Si el autocompletado no funciona, revisa bien la dirección.",
                    "feedback_false": "No exactamente. Como comprueba la dirección exacta, el gestor no rellenará la contraseña en una web falsa.",
                },
            ],
        },
    },
}


SAFE_REMOTE_WORK = {
    "slug": "safe-remote-work",
    "estimated_minutes": 10,
    "level": "beginner",
    "sectors": ["ict", "finance", "retail", "tourism", "manufacturing"],
    "topics": [
        "remote-work",
        "wifi",
        "devices",
        "updates",
        "encryption",
        "video-calls",
        "lost-devices",
    ],
    "pass_mark": 70,
    "attempt_limit": None,
    "languages": {
        "en": {
            "title": "Working safely from home and on the road",
            "summary": (
                "Simple habits that keep company data safe when you work from home, in a café, in a hotel "
                "or on the train: secure Wi-Fi, locked and updated devices, careful video calls and fast "
                "reporting of lost equipment."
            ),
            "body": [
                ("heading", "Your home office is part of the company network"),
                (
                    "paragraph",
                    "<p>When you work from home, in a café or in a hotel, company data travels with you. The same rules apply as in the office – but there is no IT colleague at the next desk to notice that something is wrong. A few simple habits make a big difference.</p>",
                ),
                ("heading", "Wi-Fi at home and in public"),
                (
                    "paragraph",
                    "<p>At home, change the router's default administrator password, use <b>WPA2 or WPA3</b> encryption, install router updates and put visitors and smart devices on a separate guest network. In public places, avoid open Wi-Fi for work: use your company VPN or your phone's mobile hotspot. Watch out for fake hotspots with names that look like the hotel's or café's own network.</p>",
                ),
                ("heading", "Lock and update your devices"),
                (
                    "paragraph",
                    "<p>Lock the screen every time you step away (<b>Windows key + L</b> on Windows, <b>Ctrl + Cmd + Q</b> on a Mac) and set it to lock automatically after a few minutes. Make sure the disk is encrypted – BitLocker on Windows, FileVault on a Mac – and install updates promptly. Your work laptop is for work: do not let family members or friends use it.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "On trains and in cafés, other people can read your screen and hear your calls. A privacy screen filter helps, and confidential conversations are best kept for a private room.",
                    },
                ),
                ("heading", "Video calls"),
                (
                    "paragraph",
                    "<p>Use the video conferencing tool approved by your organisation, do not post meeting links publicly and use a waiting room or passcode for meetings with outside participants. Before sharing your screen, close confidential documents and chats and share <b>a single window</b> rather than the whole desktop. Be wary of unusual payment requests made during a call – voices and even faces can be faked, so confirm through another channel.</p>",
                ),
                ("heading", "If a device is lost or stolen"),
                (
                    "paragraph",
                    "<p>Report it to your IT contact or manager <b>immediately</b> – even late at night or at the weekend. The sooner they know, the sooner they can lock or wipe the device remotely and block its access to company systems. Change the passwords you used on the device, and if it was stolen, report the theft to the police. Nobody will blame you for reporting quickly.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Before you start working remotely",
                        "items": [
                            "Your device is encrypted and locks automatically.",
                            "All updates are installed.",
                            "The company VPN works and you know when to use it.",
                            "You know how to reach IT support outside office hours.",
                            "Work files are stored in approved company storage, not on USB sticks or in private email.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "Avoid open Wi-Fi for work – use the company VPN or your phone's hotspot.",
                        "Lock your screen, keep your devices encrypted and up to date, and use work devices only for work.",
                        "Report a lost or stolen device immediately, whatever the time.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "You are in a hotel and need to send a contract to a client. Which connection is the safest?",
                    "explanation": "Open networks can be monitored or faked. Your own phone's hotspot or the company VPN keeps the connection under your control.",
                    "choices": [
                        {
                            "text": "The hotel's open Wi-Fi, without a VPN.",
                            "correct": False,
                            "feedback": "On an open network, other people connected to it can monitor the traffic.",
                        },
                        {
                            "text": "Your phone's hotspot or the company VPN.",
                            "correct": True,
                            "feedback": "Correct. Both keep your traffic protected.",
                        },
                        {
                            "text": "A network called “Free_Hotel_WiFi” that you found in the lobby.",
                            "correct": False,
                            "feedback": "Attackers often set up fake hotspots with convincing names.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "It is fine to let your children do their homework on your work laptop as long as they do not open any work files.",
                    "is_true": False,
                    "explanation": "Children may install apps, click links or visit websites that infect the laptop – and the malware then has access to your work data. Use work devices only for work.",
                    "feedback_true": "Not quite. Any infection on the laptop puts your work data at risk, even if the files are never opened.",
                    "feedback_false": "Correct. Work devices should be used only for work.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Which steps make your home Wi-Fi more secure? (Select all that apply.)",
                    "explanation": "A changed administrator password, strong encryption and up-to-date firmware protect the router. Sharing the password or switching off encryption does the opposite.",
                    "choices": [
                        {
                            "text": "Change the router's default administrator password.",
                            "correct": True,
                            "feedback": "Correct.",
                        },
                        {
                            "text": "Use WPA2 or WPA3 encryption.",
                            "correct": True,
                            "feedback": "Correct.",
                        },
                        {
                            "text": "Install router firmware updates.",
                            "correct": True,
                            "feedback": "Correct – routers have vulnerabilities too.",
                        },
                        {
                            "text": "Share the Wi-Fi password with your neighbours.",
                            "correct": False,
                            "feedback": "Every extra user is a potential risk to your network.",
                        },
                        {
                            "text": "Switch off encryption to make the connection faster.",
                            "correct": False,
                            "feedback": "Without encryption, anyone nearby can read your traffic or join your network.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Your work laptop is stolen from your car on Friday evening. When should you report it?",
                    "explanation": "Every hour counts: IT can lock the device and block its access before anyone uses it.",
                    "choices": [
                        {
                            "text": "On Monday morning, when the office opens.",
                            "correct": False,
                            "feedback": "That would give the thief the whole weekend to get at company data.",
                        },
                        {
                            "text": "Immediately, using the out-of-hours contact.",
                            "correct": True,
                            "feedback": "Correct. Fast reporting lets IT lock the device and protect your accounts.",
                        },
                        {
                            "text": "Only if it contained confidential files.",
                            "correct": False,
                            "feedback": "Every work device gives access to company systems – always report it.",
                        },
                    ],
                },
                {
                    "type": "multiple_choice",
                    "prompt": "What should you do before sharing your screen in a video call? (Select all that apply.)",
                    "explanation": "Sharing only what is needed and hiding private information prevents accidental leaks to other participants – and to anyone recording the call.",
                    "choices": [
                        {
                            "text": "Share only the window you need.",
                            "correct": True,
                            "feedback": "Correct.",
                        },
                        {
                            "text": "Close confidential documents and chats.",
                            "correct": True,
                            "feedback": "Correct.",
                        },
                        {
                            "text": "Turn off pop-up notifications.",
                            "correct": True,
                            "feedback": "Correct – a message popping up can reveal confidential information.",
                        },
                        {
                            "text": "Share your whole desktop so that nobody misses anything.",
                            "correct": False,
                            "feedback": "You could reveal emails, files and chats you never meant to show.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Full-disk encryption protects the data on a stolen laptop when the laptop is switched off.",
                    "is_true": True,
                    "explanation": "When the device is off, encrypted data cannot be read without the key. That is why, when travelling, it is better to shut down or hibernate your laptop than to leave it in sleep mode.",
                    "feedback_true": "Correct. Encryption makes the data unreadable to the thief.",
                    "feedback_false": "Not quite. With full-disk encryption, the data on a switched-off laptop cannot be read without the key.",
                },
            ],
        },
        "et": {
            "title": "Turvaline töö kodus ja teel olles",
            "summary": (
                "Lihtsad harjumused, mis hoiavad ettevõtte andmed turvaliselt, kui töötad kodus, kohvikus, "
                "hotellis või rongis: turvaline WiFi, lukustatud ja uuendatud seadmed, läbimõeldud "
                "videokõned ning kadunud seadmest kohene teatamine."
            ),
            "body": [
                ("heading", "Sinu kodukontor on osa ettevõtte võrgust"),
                (
                    "paragraph",
                    "<p>Kui töötad kodus, kohvikus või hotellis, liiguvad ettevõtte andmed sinuga kaasas. Kehtivad samad reeglid nagu kontoris – kuid kõrvallauas pole IT-kolleegi, kes märkaks, et midagi on valesti. Mõni lihtne harjumus teeb suure vahe.</p>",
                ),
                ("heading", "WiFi kodus ja avalikes kohtades"),
                (
                    "paragraph",
                    "<p>Kodus vaheta ruuteri administraatori vaikeparool, kasuta <b>WPA2- või WPA3-krüpteerimist</b>, paigalda ruuteri uuendused ning suuna külalised ja nutiseadmed eraldi külalisvõrku. Avalikes kohtades ära kasuta tööks avatud WiFi-võrke: kasuta ettevõtte VPN-i või oma telefoni kuumkohta. Ole ettevaatlik võltsitud võrkudega, mille nimi meenutab hotelli või kohviku enda võrku.</p>",
                ),
                ("heading", "Lukusta ja uuenda oma seadmeid"),
                (
                    "paragraph",
                    "<p>Lukusta ekraan iga kord, kui arvuti juurest lahkud (Windowsis <b>Windowsi klahv + L</b>, Macis <b>Ctrl + Cmd + Q</b>), ja seadista see mõne minuti pärast automaatselt lukustuma. Veendu, et ketas on krüpteeritud – Windowsis BitLockeriga, Macis FileVaultiga –, ja paigalda uuendused viivitamata. Tööarvuti on töö jaoks: ära lase pereliikmetel ega sõpradel seda kasutada.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Rongis ja kohvikus võivad teised sinu ekraani näha ja kõnesid pealt kuulata. Aitab ekraanile pandav privaatsusfilter ning konfidentsiaalsed vestlused on parem pidada omaette ruumis.",
                    },
                ),
                ("heading", "Videokõned"),
                (
                    "paragraph",
                    "<p>Kasuta organisatsiooni heakskiidetud videokoosolekute tööriista, ära jaga koosolekulinke avalikult ning kasuta väliste osalejatega koosolekutel ooteruumi või pääsukoodi. Enne ekraani jagamist sulge konfidentsiaalsed dokumendid ja vestlused ning jaga <b>ainult ühte akent</b>, mitte kogu töölauda. Suhtu ettevaatusega ebatavalistesse maksepalvetesse, mis esitatakse kõne ajal – hääli ja isegi nägusid saab võltsida, seega kontrolli palvet mõne teise kanali kaudu.</p>",
                ),
                ("heading", "Kui seade kaob või varastatakse"),
                (
                    "paragraph",
                    "<p>Teata sellest oma IT-kontaktile või juhile <b>kohe</b> – ka hilisõhtul või nädalavahetusel. Mida varem nad teavad, seda kiiremini saavad nad seadme eemalt lukustada või tühjendada ning sulgeda selle ligipääsu ettevõtte süsteemidele. Vaheta paroolid, mida seadmes kasutasid, ja kui seade varastati, teata vargusest politseile. Keegi ei süüdista sind kiire teatamise eest.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Enne kui hakkad kaugtööd tegema",
                        "items": [
                            "Sinu seade on krüpteeritud ja lukustub automaatselt.",
                            "Kõik uuendused on paigaldatud.",
                            "Ettevõtte VPN töötab ja sa tead, millal seda kasutada.",
                            "Sa tead, kuidas jõuda IT-toeni ka väljaspool tööaega.",
                            "Tööfailid on salvestatud ettevõtte heakskiidetud hoidlasse, mitte USB-pulkadele ega isiklikku e-posti.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "Ära kasuta tööks avatud WiFi-võrke – kasuta ettevõtte VPN-i või oma telefoni kuumkohta.",
                        "Lukusta ekraan, hoia seadmed krüpteeritud ja uuendatud ning kasuta tööseadmeid ainult tööks.",
                        "Teata kadunud või varastatud seadmest kohe, olenemata kellaajast.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Oled hotellis ja pead saatma kliendile lepingu. Milline ühendus on kõige turvalisem?",
                    "explanation": "Avatud võrke saab pealt kuulata või võltsida. Sinu enda telefoni kuumkoht või ettevõtte VPN hoiab ühenduse sinu kontrolli all.",
                    "choices": [
                        {
                            "text": "Hotelli avatud WiFi ilma VPN-ita.",
                            "correct": False,
                            "feedback": "Avatud võrgus saavad teised samasse võrku ühendatud inimesed liiklust jälgida.",
                        },
                        {
                            "text": "Sinu telefoni kuumkoht või ettevõtte VPN.",
                            "correct": True,
                            "feedback": "Õige. Mõlemad hoiavad sinu andmeliikluse kaitstuna.",
                        },
                        {
                            "text": "Fuajees leitud võrk nimega „Free_Hotel_WiFi“.",
                            "correct": False,
                            "feedback": "Ründajad loovad sageli usutavate nimedega võltsvõrke.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Lastel võib lubada tööarvutis kodutöid teha, kui nad tööfaile ei ava.",
                    "is_true": False,
                    "explanation": "Lapsed võivad paigaldada rakendusi, klõpsata linkidel või külastada veebilehti, mis arvuti nakatavad – ja siis pääseb pahavara ligi ka sinu tööandmetele. Kasuta tööseadmeid ainult tööks.",
                    "feedback_true": "Päris nii see ei ole. Iga nakatumine seab ohtu sinu tööandmed, isegi kui faile kunagi ei avata.",
                    "feedback_false": "Õige. Tööseadmeid tuleks kasutada ainult tööks.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Millised sammud muudavad kodu WiFi turvalisemaks? (Vali kõik sobivad vastused.)",
                    "explanation": "Vahetatud administraatori parool, tugev krüpteerimine ja ajakohane püsivara kaitsevad ruuterit. Parooli jagamine või krüpteerimise väljalülitamine teeb vastupidist.",
                    "choices": [
                        {
                            "text": "Vaheta ruuteri administraatori vaikeparool.",
                            "correct": True,
                            "feedback": "Õige.",
                        },
                        {
                            "text": "Kasuta WPA2- või WPA3-krüpteerimist.",
                            "correct": True,
                            "feedback": "Õige.",
                        },
                        {
                            "text": "Paigalda ruuteri püsivara uuendused.",
                            "correct": True,
                            "feedback": "Õige – ka ruuteritel on haavatavusi.",
                        },
                        {
                            "text": "Jaga WiFi parooli naabritega.",
                            "correct": False,
                            "feedback": "Iga lisakasutaja on sinu võrgule võimalik oht.",
                        },
                        {
                            "text": "Lülita krüpteerimine välja, et ühendus oleks kiirem.",
                            "correct": False,
                            "feedback": "Ilma krüpteerimiseta saab igaüks läheduses sinu liiklust lugeda või võrguga liituda.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Sinu tööarvuti varastatakse reede õhtul autost. Millal peaksid sellest teatama?",
                    "explanation": "Iga tund loeb: IT saab seadme lukustada ja selle ligipääsu sulgeda enne, kui keegi seda ära kasutab.",
                    "choices": [
                        {
                            "text": "Esmaspäeva hommikul, kui kontor avatakse.",
                            "correct": False,
                            "feedback": "Nii oleks vargal terve nädalavahetus aega ettevõtte andmetele ligi pääseda.",
                        },
                        {
                            "text": "Kohe, kasutades väljaspool tööaega kättesaadavat kontakti.",
                            "correct": True,
                            "feedback": "Õige. Kiire teatamise korral saab IT seadme lukustada ja kontod kaitsta.",
                        },
                        {
                            "text": "Ainult siis, kui arvutis oli konfidentsiaalseid faile.",
                            "correct": False,
                            "feedback": "Iga tööseade annab ligipääsu ettevõtte süsteemidele – teata alati.",
                        },
                    ],
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Mida peaksid tegema enne ekraani jagamist videokõnes? (Vali kõik sobivad vastused.)",
                    "explanation": "Kui jagad ainult vajalikku ja peidad privaatse teabe, väldid juhuslikke lekkeid teistele osalejatele – ja kõigile, kes kõnet salvestavad.",
                    "choices": [
                        {
                            "text": "Jaga ainult vajalikku akent.",
                            "correct": True,
                            "feedback": "Õige.",
                        },
                        {
                            "text": "Sulge konfidentsiaalsed dokumendid ja vestlused.",
                            "correct": True,
                            "feedback": "Õige.",
                        },
                        {
                            "text": "Lülita hüpikteavitused välja.",
                            "correct": True,
                            "feedback": "Õige – ekraanile ilmuv sõnum võib paljastada konfidentsiaalset teavet.",
                        },
                        {
                            "text": "Jaga kogu töölauda, et kellelgi midagi kahe silma vahele ei jääks.",
                            "correct": False,
                            "feedback": "Nii võid kogemata näidata e-kirju, faile ja vestlusi, mida sa näidata ei tahtnud.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Täisketta krüpteerimine kaitseb varastatud sülearvutis olevaid andmeid, kui arvuti on välja lülitatud.",
                    "is_true": True,
                    "explanation": "Kui seade on välja lülitatud, ei saa krüpteeritud andmeid ilma võtmeta lugeda. Seepärast tasub reisil sülearvuti välja lülitada või talveunerežiimi panna, mitte jätta seda lihtsalt unerežiimi.",
                    "feedback_true": "Õige. Krüpteerimine muudab andmed vargale loetamatuks.",
                    "feedback_false": "Päris nii see ei ole. Täisketta krüpteerimise korral ei saa väljalülitatud sülearvuti andmeid ilma võtmeta lugeda.",
                },
            ],
        },
        "fr": {
            "title": "Travailler en sécurité à domicile et en déplacement",
            "summary": (
                "Des gestes simples pour protéger les données de l'entreprise quand vous travaillez chez "
                "vous, dans un café, à l'hôtel ou dans le train : Wi-Fi sécurisé, appareils verrouillés et "
                "à jour, visioconférences maîtrisées et signalement rapide du matériel perdu."
            ),
            "body": [
                ("heading", "Votre bureau à domicile fait partie du réseau de l'entreprise"),
                (
                    "paragraph",
                    "<p>Lorsque vous travaillez chez vous, dans un café ou à l'hôtel, les données de l'entreprise voyagent avec vous. Les règles sont les mêmes qu'au bureau, mais aucun collègue informaticien n'est assis à côté pour remarquer que quelque chose cloche. Quelques gestes simples font une grande différence.</p>",
                ),
                ("heading", "Le Wi-Fi à la maison et dans les lieux publics"),
                (
                    "paragraph",
                    "<p>À la maison, changez le mot de passe administrateur par défaut de votre box ou routeur, utilisez le chiffrement <b>WPA2 ou WPA3</b>, installez les mises à jour du routeur et placez les visiteurs et les objets connectés sur un réseau invité séparé. Dans les lieux publics, évitez les Wi-Fi ouverts pour travailler : utilisez le VPN de l'entreprise ou le partage de connexion de votre téléphone. Méfiez-vous des faux points d'accès dont le nom ressemble à celui du réseau de l'hôtel ou du café.</p>",
                ),
                ("heading", "Verrouillez et mettez à jour vos appareils"),
                (
                    "paragraph",
                    "<p>Verrouillez l'écran chaque fois que vous vous éloignez (<b>touche Windows + L</b> sous Windows, <b>Ctrl + Cmd + Q</b> sur Mac) et réglez le verrouillage automatique au bout de quelques minutes. Vérifiez que le disque est chiffré – BitLocker sous Windows, FileVault sur Mac – et installez rapidement les mises à jour. Votre ordinateur professionnel sert au travail : ne le prêtez ni à vos proches ni à vos amis.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Dans le train et au café, d'autres personnes peuvent lire votre écran et entendre vos appels. Un filtre de confidentialité aide, et mieux vaut réserver les conversations confidentielles à une pièce isolée.",
                    },
                ),
                ("heading", "Visioconférences"),
                (
                    "paragraph",
                    "<p>Utilisez l'outil de visioconférence approuvé par votre organisation, ne publiez pas les liens de réunion et activez une salle d'attente ou un code d'accès pour les réunions avec des participants externes. Avant de partager votre écran, fermez les documents et conversations confidentiels et partagez <b>une seule fenêtre</b> plutôt que tout le bureau. Méfiez-vous des demandes de paiement inhabituelles faites pendant un appel : les voix et même les visages peuvent être falsifiés, vérifiez donc par un autre canal.</p>",
                ),
                ("heading", "En cas de perte ou de vol d'un appareil"),
                (
                    "paragraph",
                    "<p>Signalez-le <b>immédiatement</b> à votre contact informatique ou à votre responsable, même tard le soir ou le week-end. Plus tôt ils sont prévenus, plus vite ils peuvent verrouiller ou effacer l'appareil à distance et lui couper l'accès aux systèmes de l'entreprise. Changez les mots de passe que vous utilisiez sur l'appareil et, en cas de vol, portez plainte auprès de la police. Personne ne vous reprochera d'avoir signalé rapidement.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Avant de travailler à distance",
                        "items": [
                            "Votre appareil est chiffré et se verrouille automatiquement.",
                            "Toutes les mises à jour sont installées.",
                            "Le VPN de l'entreprise fonctionne et vous savez quand l'utiliser.",
                            "Vous savez comment joindre le support informatique en dehors des heures de bureau.",
                            "Les fichiers de travail sont enregistrés dans l'espace de stockage approuvé par l'entreprise, pas sur des clés USB ni dans une messagerie personnelle.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "Évitez les Wi-Fi ouverts pour travailler : utilisez le VPN de l'entreprise ou le partage de connexion de votre téléphone.",
                        "Verrouillez votre écran, gardez vos appareils chiffrés et à jour, et réservez les appareils professionnels au travail.",
                        "Signalez immédiatement un appareil perdu ou volé, quelle que soit l'heure.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Vous êtes à l'hôtel et devez envoyer un contrat à un client. Quelle connexion est la plus sûre ?",
                    "explanation": "Les réseaux ouverts peuvent être espionnés ou imités. Le partage de connexion de votre téléphone ou le VPN de l'entreprise garde la connexion sous votre contrôle.",
                    "choices": [
                        {
                            "text": "Le Wi-Fi ouvert de l'hôtel, sans VPN.",
                            "correct": False,
                            "feedback": "Sur un réseau ouvert, les autres personnes connectées peuvent surveiller le trafic.",
                        },
                        {
                            "text": "Le partage de connexion de votre téléphone ou le VPN de l'entreprise.",
                            "correct": True,
                            "feedback": "Exact. Les deux protègent vos échanges.",
                        },
                        {
                            "text": "Un réseau nommé « Free_Hotel_WiFi » trouvé dans le hall.",
                            "correct": False,
                            "feedback": "Les attaquants créent souvent de faux points d'accès aux noms convaincants.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Vous pouvez laisser vos enfants faire leurs devoirs sur votre ordinateur professionnel tant qu'ils n'ouvrent aucun fichier de travail.",
                    "is_true": False,
                    "explanation": "Les enfants peuvent installer des applications, cliquer sur des liens ou visiter des sites qui infectent l'ordinateur – et le logiciel malveillant accède alors à vos données professionnelles. Réservez les appareils professionnels au travail.",
                    "feedback_true": "Pas tout à fait. Toute infection de l'ordinateur met vos données professionnelles en danger, même si les fichiers ne sont jamais ouverts.",
                    "feedback_false": "Exact. Les appareils professionnels ne doivent servir qu'au travail.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Quelles mesures renforcent la sécurité de votre Wi-Fi à domicile ? (Cochez toutes les bonnes réponses.)",
                    "explanation": "Un mot de passe administrateur modifié, un chiffrement robuste et un micrologiciel à jour protègent le routeur. Partager le mot de passe ou désactiver le chiffrement produit l'effet inverse.",
                    "choices": [
                        {
                            "text": "Changer le mot de passe administrateur par défaut du routeur.",
                            "correct": True,
                            "feedback": "Exact.",
                        },
                        {
                            "text": "Utiliser le chiffrement WPA2 ou WPA3.",
                            "correct": True,
                            "feedback": "Exact.",
                        },
                        {
                            "text": "Installer les mises à jour du micrologiciel du routeur.",
                            "correct": True,
                            "feedback": "Exact – les routeurs ont aussi des vulnérabilités.",
                        },
                        {
                            "text": "Donner le mot de passe Wi-Fi à vos voisins.",
                            "correct": False,
                            "feedback": "Chaque utilisateur supplémentaire est un risque potentiel pour votre réseau.",
                        },
                        {
                            "text": "Désactiver le chiffrement pour que la connexion soit plus rapide.",
                            "correct": False,
                            "feedback": "Sans chiffrement, n'importe qui à proximité peut lire votre trafic ou rejoindre votre réseau.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Votre ordinateur professionnel est volé dans votre voiture le vendredi soir. Quand devez-vous le signaler ?",
                    "explanation": "Chaque heure compte : l'équipe informatique peut verrouiller l'appareil et lui couper les accès avant que quelqu'un ne s'en serve.",
                    "choices": [
                        {
                            "text": "Le lundi matin, à l'ouverture du bureau.",
                            "correct": False,
                            "feedback": "Le voleur aurait tout le week-end pour accéder aux données de l'entreprise.",
                        },
                        {
                            "text": "Immédiatement, via le contact joignable en dehors des heures de bureau.",
                            "correct": True,
                            "feedback": "Exact. Un signalement rapide permet de verrouiller l'appareil et de protéger vos comptes.",
                        },
                        {
                            "text": "Seulement s'il contenait des fichiers confidentiels.",
                            "correct": False,
                            "feedback": "Tout appareil professionnel donne accès aux systèmes de l'entreprise : signalez-le toujours.",
                        },
                    ],
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Que faut-il faire avant de partager son écran en visioconférence ? (Cochez toutes les bonnes réponses.)",
                    "explanation": "Ne partager que le nécessaire et masquer les informations privées évite les fuites accidentelles vers les autres participants – et vers quiconque enregistre l'appel.",
                    "choices": [
                        {
                            "text": "Ne partager que la fenêtre nécessaire.",
                            "correct": True,
                            "feedback": "Exact.",
                        },
                        {
                            "text": "Fermer les documents et conversations confidentiels.",
                            "correct": True,
                            "feedback": "Exact.",
                        },
                        {
                            "text": "Désactiver les notifications qui s'affichent à l'écran.",
                            "correct": True,
                            "feedback": "Exact – un message qui surgit peut révéler des informations confidentielles.",
                        },
                        {
                            "text": "Partager tout le bureau pour que personne ne manque rien.",
                            "correct": False,
                            "feedback": "Vous risquez de montrer des e-mails, des fichiers et des conversations que vous ne vouliez pas montrer.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Le chiffrement complet du disque protège les données d'un ordinateur portable volé lorsque celui-ci est éteint.",
                    "is_true": True,
                    "explanation": "Lorsque l'appareil est éteint, les données chiffrées ne peuvent pas être lues sans la clé. C'est pourquoi, en déplacement, mieux vaut éteindre l'ordinateur ou le mettre en veille prolongée plutôt que de le laisser en simple veille.",
                    "feedback_true": "Exact. Le chiffrement rend les données illisibles pour le voleur.",
                    "feedback_false": "Pas tout à fait. Avec le chiffrement complet du disque, les données d'un portable éteint sont illisibles sans la clé.",
                },
            ],
        },
        "it": {
            "title": "Lavorare in sicurezza da casa e in viaggio",
            "summary": (
                "Semplici abitudini per proteggere i dati aziendali quando lavori da casa, al bar, in "
                "albergo o in treno: Wi-Fi sicuro, dispositivi bloccati e aggiornati, videochiamate con "
                "giudizio e segnalazione immediata dei dispositivi smarriti."
            ),
            "body": [
                ("heading", "Il tuo ufficio in casa fa parte della rete aziendale"),
                (
                    "paragraph",
                    "<p>Quando lavori da casa, al bar o in albergo, i dati aziendali viaggiano con te. Valgono le stesse regole dell'ufficio, ma alla scrivania accanto non c'è un collega dell'IT che si accorga se qualcosa non va. Poche semplici abitudini fanno una grande differenza.</p>",
                ),
                ("heading", "Il Wi-Fi a casa e nei luoghi pubblici"),
                (
                    "paragraph",
                    "<p>A casa, cambia la password di amministratore predefinita del router, usa la cifratura <b>WPA2 o WPA3</b>, installa gli aggiornamenti del router e metti ospiti e dispositivi smart su una rete ospiti separata. Nei luoghi pubblici evita le reti Wi-Fi aperte per lavorare: usa la VPN aziendale o l'hotspot del tuo telefono. Attenzione ai falsi hotspot con nomi simili a quello della rete dell'albergo o del bar.</p>",
                ),
                ("heading", "Blocca e aggiorna i tuoi dispositivi"),
                (
                    "paragraph",
                    "<p>Blocca lo schermo ogni volta che ti allontani (<b>tasto Windows + L</b> su Windows, <b>Ctrl + Cmd + Q</b> su Mac) e imposta il blocco automatico dopo pochi minuti. Verifica che il disco sia cifrato – BitLocker su Windows, FileVault su Mac – e installa subito gli aggiornamenti. Il portatile di lavoro serve per lavorare: non farlo usare a familiari o amici.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "In treno e al bar altre persone possono leggere il tuo schermo e ascoltare le tue chiamate. Un filtro privacy per lo schermo aiuta, e le conversazioni riservate è meglio farle in una stanza appartata.",
                    },
                ),
                ("heading", "Videochiamate"),
                (
                    "paragraph",
                    "<p>Usa lo strumento di videoconferenza approvato dalla tua organizzazione, non pubblicare i link delle riunioni e attiva una sala d'attesa o un codice d'accesso per le riunioni con partecipanti esterni. Prima di condividere lo schermo, chiudi documenti e chat riservati e condividi <b>una sola finestra</b> invece dell'intero desktop. Diffida delle richieste di pagamento insolite fatte durante una chiamata: voci e persino volti possono essere falsificati, quindi verifica tramite un altro canale.</p>",
                ),
                ("heading", "Se un dispositivo viene perso o rubato"),
                (
                    "paragraph",
                    "<p>Segnalalo <b>subito</b> al tuo referente informatico o al tuo responsabile, anche a tarda sera o nel fine settimana. Prima lo sanno, prima possono bloccare o cancellare il dispositivo da remoto e revocarne l'accesso ai sistemi aziendali. Cambia le password che usavi sul dispositivo e, in caso di furto, sporgi denuncia alle forze dell'ordine. Nessuno ti rimprovererà per aver segnalato in fretta.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Prima di iniziare a lavorare da remoto",
                        "items": [
                            "Il tuo dispositivo è cifrato e si blocca automaticamente.",
                            "Tutti gli aggiornamenti sono installati.",
                            "La VPN aziendale funziona e sai quando usarla.",
                            "Sai come contattare l'assistenza informatica fuori dall'orario d'ufficio.",
                            "I file di lavoro sono salvati negli spazi di archiviazione approvati dall'azienda, non su chiavette USB né nella posta personale.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "Evita le reti Wi-Fi aperte per lavorare: usa la VPN aziendale o l'hotspot del telefono.",
                        "Blocca lo schermo, tieni i dispositivi cifrati e aggiornati e usa quelli di lavoro solo per lavorare.",
                        "Segnala subito un dispositivo perso o rubato, a qualsiasi ora.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Sei in albergo e devi inviare un contratto a un cliente. Quale connessione è la più sicura?",
                    "explanation": "Le reti aperte possono essere intercettate o falsificate. L'hotspot del tuo telefono o la VPN aziendale mantengono la connessione sotto il tuo controllo.",
                    "choices": [
                        {
                            "text": "Il Wi-Fi aperto dell'albergo, senza VPN.",
                            "correct": False,
                            "feedback": "Su una rete aperta, gli altri utenti connessi possono osservare il traffico.",
                        },
                        {
                            "text": "L'hotspot del tuo telefono o la VPN aziendale.",
                            "correct": True,
                            "feedback": "Esatto. Entrambi proteggono il tuo traffico.",
                        },
                        {
                            "text": "Una rete chiamata «Free_Hotel_WiFi» trovata nella hall.",
                            "correct": False,
                            "feedback": "Gli attaccanti creano spesso falsi hotspot con nomi convincenti.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Puoi lasciare che i tuoi figli facciano i compiti sul portatile di lavoro, purché non aprano file di lavoro.",
                    "is_true": False,
                    "explanation": "I bambini possono installare app, cliccare su link o visitare siti che infettano il portatile, e a quel punto il malware ha accesso ai tuoi dati di lavoro. Usa i dispositivi di lavoro solo per lavorare.",
                    "feedback_true": "Non proprio. Qualsiasi infezione del portatile mette a rischio i dati di lavoro, anche se i file non vengono mai aperti.",
                    "feedback_false": "Esatto. I dispositivi di lavoro vanno usati solo per lavorare.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Quali misure rendono più sicuro il Wi-Fi di casa? (Seleziona tutte le risposte corrette.)",
                    "explanation": "Una password di amministratore cambiata, una cifratura robusta e un firmware aggiornato proteggono il router. Condividere la password o disattivare la cifratura ottiene l'effetto contrario.",
                    "choices": [
                        {
                            "text": "Cambiare la password di amministratore predefinita del router.",
                            "correct": True,
                            "feedback": "Esatto.",
                        },
                        {
                            "text": "Usare la cifratura WPA2 o WPA3.",
                            "correct": True,
                            "feedback": "Esatto.",
                        },
                        {
                            "text": "Installare gli aggiornamenti del firmware del router.",
                            "correct": True,
                            "feedback": "Esatto: anche i router hanno vulnerabilità.",
                        },
                        {
                            "text": "Condividere la password del Wi-Fi con i vicini.",
                            "correct": False,
                            "feedback": "Ogni utente in più è un rischio potenziale per la tua rete.",
                        },
                        {
                            "text": "Disattivare la cifratura per avere una connessione più veloce.",
                            "correct": False,
                            "feedback": "Senza cifratura chiunque nelle vicinanze può leggere il tuo traffico o collegarsi alla tua rete.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "Venerdì sera ti rubano dall'auto il portatile di lavoro. Quando devi segnalarlo?",
                    "explanation": "Ogni ora conta: il reparto informatico può bloccare il dispositivo e revocarne gli accessi prima che qualcuno li usi.",
                    "choices": [
                        {
                            "text": "Lunedì mattina, quando apre l'ufficio.",
                            "correct": False,
                            "feedback": "Il ladro avrebbe tutto il fine settimana per accedere ai dati aziendali.",
                        },
                        {
                            "text": "Subito, usando il contatto disponibile fuori orario.",
                            "correct": True,
                            "feedback": "Esatto. Una segnalazione rapida permette di bloccare il dispositivo e proteggere gli account.",
                        },
                        {
                            "text": "Solo se conteneva file riservati.",
                            "correct": False,
                            "feedback": "Ogni dispositivo di lavoro dà accesso ai sistemi aziendali: segnalalo sempre.",
                        },
                    ],
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Che cosa devi fare prima di condividere lo schermo in una videochiamata? (Seleziona tutte le risposte corrette.)",
                    "explanation": "Condividere solo ciò che serve e nascondere le informazioni private evita fughe accidentali verso gli altri partecipanti e verso chiunque registri la chiamata.",
                    "choices": [
                        {
                            "text": "Condividere solo la finestra necessaria.",
                            "correct": True,
                            "feedback": "Esatto.",
                        },
                        {
                            "text": "Chiudere documenti e chat riservati.",
                            "correct": True,
                            "feedback": "Esatto.",
                        },
                        {
                            "text": "Disattivare le notifiche a comparsa.",
                            "correct": True,
                            "feedback": "Esatto: un messaggio che compare può rivelare informazioni riservate.",
                        },
                        {
                            "text": "Condividere l'intero desktop, così nessuno si perde niente.",
                            "correct": False,
                            "feedback": "Rischi di mostrare e-mail, file e chat che non volevi far vedere.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "La cifratura completa del disco protegge i dati di un portatile rubato quando è spento.",
                    "is_true": True,
                    "explanation": "Quando il dispositivo è spento, i dati cifrati non si possono leggere senza la chiave. Per questo in viaggio conviene spegnere il portatile o metterlo in ibernazione, invece di lasciarlo semplicemente in sospensione.",
                    "feedback_true": "Esatto. La cifratura rende i dati illeggibili per il ladro.",
                    "feedback_false": "Non proprio. Con la cifratura completa del disco, i dati di un portatile spento non sono leggibili senza la chiave.",
                },
            ],
        },
        "sk": {
            "title": "Bezpečná práca z domu a na cestách",
            "summary": (
                "Jednoduché návyky, ktoré chránia firemné údaje, keď pracujete z domu, v kaviarni, v hoteli "
                "alebo vo vlaku: bezpečná Wi-Fi, zamknuté a aktualizované zariadenia, rozvážne videohovory "
                "a okamžité nahlásenie strateného zariadenia."
            ),
            "body": [
                ("heading", "Vaša domáca kancelária je súčasťou firemnej siete"),
                (
                    "paragraph",
                    "<p>Keď pracujete z domu, z kaviarne alebo z hotela, firemné údaje cestujú s vami. Platia rovnaké pravidlá ako v kancelárii – vedľa vás však nesedí kolega z IT, ktorý by si všimol, že niečo nie je v poriadku. Zopár jednoduchých návykov robí veľký rozdiel.</p>",
                ),
                ("heading", "Wi-Fi doma a na verejných miestach"),
                (
                    "paragraph",
                    "<p>Doma zmeňte predvolené heslo správcu routera, používajte šifrovanie <b>WPA2 alebo WPA3</b>, inštalujte aktualizácie routera a návštevy aj inteligentné zariadenia pripojte do samostatnej siete pre hostí. Na verejných miestach nepoužívajte na prácu otvorenú Wi-Fi: použite firemnú VPN alebo hotspot svojho telefónu. Dávajte si pozor na falošné prístupové body s názvom, ktorý pripomína sieť hotela alebo kaviarne.</p>",
                ),
                ("heading", "Zamykajte a aktualizujte svoje zariadenia"),
                (
                    "paragraph",
                    "<p>Zamknite obrazovku vždy, keď odchádzate od počítača (<b>kláves Windows + L</b> vo Windows, <b>Ctrl + Cmd + Q</b> na Macu), a nastavte automatické zamknutie po niekoľkých minútach. Skontrolujte, či je disk zašifrovaný – vo Windows nástrojom BitLocker, na Macu nástrojom FileVault – a aktualizácie inštalujte bez odkladu. Pracovný notebook je na prácu: nepožičiavajte ho rodine ani priateľom.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Vo vlaku a v kaviarni môžu ostatní vidieť na vašu obrazovku a počuť vaše hovory. Pomôže filter na ochranu súkromia na obrazovku a dôverné rozhovory je lepšie viesť v samostatnej miestnosti.",
                    },
                ),
                ("heading", "Videohovory"),
                (
                    "paragraph",
                    "<p>Používajte nástroj na videokonferencie schválený vašou organizáciou, nezverejňujte odkazy na stretnutia a pri stretnutiach s externými účastníkmi používajte čakáreň alebo prístupový kód. Pred zdieľaním obrazovky zatvorte dôverné dokumenty a chaty a zdieľajte <b>len jedno okno</b>, nie celú plochu. Buďte ostražití pri nezvyčajných žiadostiach o platbu počas hovoru – hlasy a dokonca aj tváre sa dajú sfalšovať, preto si žiadosť overte iným kanálom.</p>",
                ),
                ("heading", "Ak zariadenie stratíte alebo vám ho ukradnú"),
                (
                    "paragraph",
                    "<p>Nahláste to <b>okamžite</b> svojej kontaktnej osobe pre IT alebo nadriadenému – aj neskoro večer či cez víkend. Čím skôr o tom vedia, tým skôr môžu zariadenie na diaľku zamknúť alebo vymazať a zablokovať mu prístup k firemným systémom. Zmeňte heslá, ktoré ste na zariadení používali, a ak vám ho ukradli, nahláste krádež polícii. Nikto vás nebude viniť za to, že ste to nahlásili rýchlo.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Skôr než začnete pracovať na diaľku",
                        "items": [
                            "Vaše zariadenie je zašifrované a automaticky sa zamyká.",
                            "Všetky aktualizácie sú nainštalované.",
                            "Firemná VPN funguje a viete, kedy ju použiť.",
                            "Viete, ako sa spojiť s IT podporou aj mimo pracovného času.",
                            "Pracovné súbory sú uložené v úložisku schválenom firmou, nie na USB kľúčoch ani v súkromnom e-maile.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "Na prácu nepoužívajte otvorenú Wi-Fi – použite firemnú VPN alebo hotspot svojho telefónu.",
                        "Zamykajte obrazovku, majte zariadenia zašifrované a aktualizované a pracovné zariadenia používajte len na prácu.",
                        "Stratené alebo ukradnuté zariadenie nahláste okamžite, bez ohľadu na čas.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Ste v hoteli a potrebujete poslať klientovi zmluvu. Ktoré pripojenie je najbezpečnejšie?",
                    "explanation": "Otvorené siete sa dajú odpočúvať alebo podvrhnúť. Hotspot vášho telefónu alebo firemná VPN udrží pripojenie pod vašou kontrolou.",
                    "choices": [
                        {
                            "text": "Otvorená hotelová Wi-Fi bez VPN.",
                            "correct": False,
                            "feedback": "V otvorenej sieti môžu ostatní pripojení používatelia sledovať prenášané dáta.",
                        },
                        {
                            "text": "Hotspot vášho telefónu alebo firemná VPN.",
                            "correct": True,
                            "feedback": "Správne. Obe možnosti chránia vašu komunikáciu.",
                        },
                        {
                            "text": "Sieť s názvom „Free_Hotel_WiFi“, ktorú ste našli v hotelovej hale.",
                            "correct": False,
                            "feedback": "Útočníci často vytvárajú falošné prístupové body s presvedčivými názvami.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Deťom môžete dovoliť robiť si domáce úlohy na pracovnom notebooku, ak neotvárajú pracovné súbory.",
                    "is_true": False,
                    "explanation": "Deti môžu nainštalovať aplikácie, kliknúť na odkazy alebo navštíviť stránky, ktoré notebook nakazia – a škodlivý softvér potom získa prístup k vašim pracovným údajom. Pracovné zariadenia používajte len na prácu.",
                    "feedback_true": "Nie celkom. Akákoľvek infekcia notebooku ohrozuje vaše pracovné údaje, aj keď sa súbory nikdy neotvoria.",
                    "feedback_false": "Správne. Pracovné zariadenia sa majú používať len na prácu.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Ktoré kroky zvyšujú bezpečnosť domácej Wi-Fi? (Vyberte všetky správne odpovede.)",
                    "explanation": "Zmenené heslo správcu, silné šifrovanie a aktuálny firmvér chránia router. Zdieľanie hesla alebo vypnutie šifrovania má opačný účinok.",
                    "choices": [
                        {
                            "text": "Zmeniť predvolené heslo správcu routera.",
                            "correct": True,
                            "feedback": "Správne.",
                        },
                        {
                            "text": "Používať šifrovanie WPA2 alebo WPA3.",
                            "correct": True,
                            "feedback": "Správne.",
                        },
                        {
                            "text": "Inštalovať aktualizácie firmvéru routera.",
                            "correct": True,
                            "feedback": "Správne – aj routery majú zraniteľnosti.",
                        },
                        {
                            "text": "Dať heslo od Wi-Fi susedom.",
                            "correct": False,
                            "feedback": "Každý ďalší používateľ predstavuje pre vašu sieť potenciálne riziko.",
                        },
                        {
                            "text": "Vypnúť šifrovanie, aby bolo pripojenie rýchlejšie.",
                            "correct": False,
                            "feedback": "Bez šifrovania môže ktokoľvek v okolí čítať vašu komunikáciu alebo sa pripojiť k vašej sieti.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "V piatok večer vám z auta ukradnú pracovný notebook. Kedy to máte nahlásiť?",
                    "explanation": "Každá hodina sa počíta: IT môže zariadenie zamknúť a zablokovať mu prístupy skôr, ako ich niekto zneužije.",
                    "choices": [
                        {
                            "text": "V pondelok ráno, keď sa otvorí kancelária.",
                            "correct": False,
                            "feedback": "Zlodej by mal celý víkend na to, aby sa dostal k firemným údajom.",
                        },
                        {
                            "text": "Okamžite, cez kontakt dostupný aj mimo pracovného času.",
                            "correct": True,
                            "feedback": "Správne. Rýchle nahlásenie umožní zamknúť zariadenie a ochrániť vaše účty.",
                        },
                        {
                            "text": "Len ak obsahoval dôverné súbory.",
                            "correct": False,
                            "feedback": "Každé pracovné zariadenie poskytuje prístup k firemným systémom – nahláste to vždy.",
                        },
                    ],
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Čo by ste mali urobiť pred zdieľaním obrazovky vo videohovore? (Vyberte všetky správne odpovede.)",
                    "explanation": "Ak zdieľate len to, čo je potrebné, a skryjete súkromné informácie, zabránite náhodnému úniku k ostatným účastníkom – aj ku komukoľvek, kto hovor nahráva.",
                    "choices": [
                        {
                            "text": "Zdieľať len potrebné okno.",
                            "correct": True,
                            "feedback": "Správne.",
                        },
                        {
                            "text": "Zatvoriť dôverné dokumenty a chaty.",
                            "correct": True,
                            "feedback": "Správne.",
                        },
                        {
                            "text": "Vypnúť vyskakovacie upozornenia.",
                            "correct": True,
                            "feedback": "Správne – vyskakujúca správa môže prezradiť dôverné informácie.",
                        },
                        {
                            "text": "Zdieľať celú plochu, aby nikomu nič neušlo.",
                            "correct": False,
                            "feedback": "Môžete tak ukázať e-maily, súbory a chaty, ktoré ste ukázať nechceli.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Šifrovanie celého disku chráni údaje na ukradnutom notebooku, keď je vypnutý.",
                    "is_true": True,
                    "explanation": "Keď je zariadenie vypnuté, zašifrované údaje sa bez kľúča nedajú prečítať. Preto je na cestách lepšie notebook vypnúť alebo prepnúť do režimu hibernácie, než ho nechať len v režime spánku.",
                    "feedback_true": "Správne. Šifrovanie robí údaje pre zlodeja nečitateľnými.",
                    "feedback_false": "Nie celkom. Pri šifrovaní celého disku sa údaje vypnutého notebooku bez kľúča nedajú prečítať.",
                },
            ],
        },
        "sl": {
            "title": "Varno delo od doma in na poti",
            "summary": (
                "Preproste navade, ki varujejo podatke podjetja, ko delate od doma, v kavarni, hotelu ali "
                "na vlaku: varno omrežje Wi-Fi, zaklenjene in posodobljene naprave, premišljeni videoklici "
                "ter takojšnja prijava izgubljene opreme."
            ),
            "body": [
                ("heading", "Vaša domača pisarna je del omrežja podjetja"),
                (
                    "paragraph",
                    "<p>Ko delate od doma, v kavarni ali hotelu, podatki podjetja potujejo z vami. Veljajo enaka pravila kot v pisarni – le da ob vas ni sodelavca iz IT, ki bi opazil, da je nekaj narobe. Nekaj preprostih navad naredi veliko razliko.</p>",
                ),
                ("heading", "Wi-Fi doma in na javnih mestih"),
                (
                    "paragraph",
                    "<p>Doma zamenjajte privzeto skrbniško geslo usmerjevalnika, uporabljajte šifriranje <b>WPA2 ali WPA3</b>, nameščajte posodobitve usmerjevalnika ter obiskovalce in pametne naprave povežite v ločeno omrežje za goste. Na javnih mestih za delo ne uporabljajte odprtih omrežij Wi-Fi: uporabite VPN podjetja ali dostopno točko svojega telefona. Pazite na lažne dostopne točke z imeni, ki so podobna omrežju hotela ali kavarne.</p>",
                ),
                ("heading", "Zaklepajte in posodabljajte naprave"),
                (
                    "paragraph",
                    "<p>Zaklenite zaslon vsakič, ko odidete od računalnika (<b>tipka Windows + L</b> v sistemu Windows, <b>Ctrl + Cmd + Q</b> na Macu), in nastavite samodejno zaklepanje po nekaj minutah. Preverite, ali je disk šifriran – v sistemu Windows z BitLockerjem, na Macu s FileVaultom – in posodobitve namestite takoj. Službeni prenosnik je namenjen delu: ne posojajte ga družinskim članom ali prijateljem.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Na vlaku in v kavarni lahko drugi vidijo vaš zaslon in slišijo vaše klice. Pomaga zaščitni filter za zasebnost na zaslonu, zaupne pogovore pa je bolje opraviti v ločenem prostoru.",
                    },
                ),
                ("heading", "Videoklici"),
                (
                    "paragraph",
                    "<p>Uporabljajte orodje za videokonference, ki ga je odobrila vaša organizacija, povezav do sestankov ne objavljajte javno, za sestanke z zunanjimi udeleženci pa uporabite čakalnico ali geslo za vstop. Preden delite zaslon, zaprite zaupne dokumente in klepete ter delite <b>samo eno okno</b>, ne celotnega namizja. Bodite previdni pri nenavadnih zahtevah za plačilo med klicem – glasove in celo obraze je mogoče ponarediti, zato zahtevo preverite po drugi poti.</p>",
                ),
                ("heading", "Če napravo izgubite ali vam jo ukradejo"),
                (
                    "paragraph",
                    "<p>To <b>takoj</b> sporočite kontaktni osebi za IT ali nadrejenemu – tudi pozno zvečer ali med vikendom. Prej ko izvedo, prej lahko napravo na daljavo zaklenejo ali izbrišejo ter ji onemogočijo dostop do sistemov podjetja. Zamenjajte gesla, ki ste jih uporabljali na napravi, in če so vam jo ukradli, krajo prijavite policiji. Nihče vam ne bo zameril, ker ste dogodek hitro prijavili.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Preden začnete delati na daljavo",
                        "items": [
                            "Vaša naprava je šifrirana in se samodejno zaklene.",
                            "Vse posodobitve so nameščene.",
                            "VPN podjetja deluje in veste, kdaj ga uporabiti.",
                            "Veste, kako doseči IT-podporo tudi zunaj delovnega časa.",
                            "Delovne datoteke so shranjene v shrambi, ki jo je odobrilo podjetje, ne na ključkih USB ali v zasebni e-pošti.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "Za delo ne uporabljajte odprtih omrežij Wi-Fi – uporabite VPN podjetja ali dostopno točko telefona.",
                        "Zaklepajte zaslon, naprave imejte šifrirane in posodobljene, službene pa uporabljajte samo za delo.",
                        "Izgubljeno ali ukradeno napravo prijavite takoj, ne glede na uro.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "V hotelu ste in stranki morate poslati pogodbo. Katera povezava je najvarnejša?",
                    "explanation": "Odprtim omrežjem je mogoče prisluškovati ali jih ponarediti. Dostopna točka vašega telefona ali VPN podjetja ohranja povezavo pod vašim nadzorom.",
                    "choices": [
                        {
                            "text": "Odprto hotelsko omrežje Wi-Fi brez VPN.",
                            "correct": False,
                            "feedback": "V odprtem omrežju lahko drugi povezani uporabniki spremljajo promet.",
                        },
                        {
                            "text": "Dostopna točka vašega telefona ali VPN podjetja.",
                            "correct": True,
                            "feedback": "Pravilno. Oboje ščiti vaš promet.",
                        },
                        {
                            "text": "Omrežje z imenom »Free_Hotel_WiFi«, ki ste ga našli v avli.",
                            "correct": False,
                            "feedback": "Napadalci pogosto postavijo lažne dostopne točke s prepričljivimi imeni.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Otrokom lahko dovolite, da na službenem prenosniku delajo domače naloge, če ne odpirajo službenih datotek.",
                    "is_true": False,
                    "explanation": "Otroci lahko namestijo aplikacije, kliknejo povezave ali obiščejo strani, ki okužijo prenosnik – zlonamerna programska oprema pa tako pride do vaših službenih podatkov. Službene naprave uporabljajte samo za delo.",
                    "feedback_true": "Ne povsem. Vsaka okužba prenosnika ogrozi službene podatke, tudi če datotek nihče ne odpre.",
                    "feedback_false": "Pravilno. Službene naprave naj se uporabljajo samo za delo.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Kateri ukrepi povečajo varnost domačega omrežja Wi-Fi? (Izberite vse pravilne odgovore.)",
                    "explanation": "Zamenjano skrbniško geslo, močno šifriranje in posodobljena vdelana programska oprema varujejo usmerjevalnik. Deljenje gesla ali izklop šifriranja dosežeta nasprotno.",
                    "choices": [
                        {
                            "text": "Zamenjati privzeto skrbniško geslo usmerjevalnika.",
                            "correct": True,
                            "feedback": "Pravilno.",
                        },
                        {
                            "text": "Uporabljati šifriranje WPA2 ali WPA3.",
                            "correct": True,
                            "feedback": "Pravilno.",
                        },
                        {
                            "text": "Nameščati posodobitve vdelane programske opreme usmerjevalnika.",
                            "correct": True,
                            "feedback": "Pravilno – tudi usmerjevalniki imajo ranljivosti.",
                        },
                        {
                            "text": "Geslo za Wi-Fi deliti s sosedi.",
                            "correct": False,
                            "feedback": "Vsak dodatni uporabnik je potencialno tveganje za vaše omrežje.",
                        },
                        {
                            "text": "Izklopiti šifriranje, da bo povezava hitrejša.",
                            "correct": False,
                            "feedback": "Brez šifriranja lahko kdorkoli v bližini bere vaš promet ali se pridruži vašemu omrežju.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "V petek zvečer vam iz avtomobila ukradejo službeni prenosnik. Kdaj morate to prijaviti?",
                    "explanation": "Vsaka ura šteje: IT lahko napravo zaklene in ji onemogoči dostope, preden jih kdo zlorabi.",
                    "choices": [
                        {
                            "text": "V ponedeljek zjutraj, ko se odpre pisarna.",
                            "correct": False,
                            "feedback": "Tat bi imel ves vikend, da pride do podatkov podjetja.",
                        },
                        {
                            "text": "Takoj, prek kontakta, ki je dosegljiv tudi zunaj delovnega časa.",
                            "correct": True,
                            "feedback": "Pravilno. Hitra prijava omogoči, da se naprava zaklene in računi zaščitijo.",
                        },
                        {
                            "text": "Le če so bile na njem zaupne datoteke.",
                            "correct": False,
                            "feedback": "Vsaka službena naprava omogoča dostop do sistemov podjetja – vedno jo prijavite.",
                        },
                    ],
                },
                {
                    "type": "multiple_choice",
                    "prompt": "Kaj morate storiti, preden v videoklicu delite zaslon? (Izberite vse pravilne odgovore.)",
                    "explanation": "Če delite le to, kar je potrebno, in skrijete zasebne podatke, preprečite nenamerno uhajanje k drugim udeležencem – in k vsakomur, ki klic snema.",
                    "choices": [
                        {
                            "text": "Deliti samo potrebno okno.",
                            "correct": True,
                            "feedback": "Pravilno.",
                        },
                        {
                            "text": "Zapreti zaupne dokumente in klepete.",
                            "correct": True,
                            "feedback": "Pravilno.",
                        },
                        {
                            "text": "Izklopiti pojavna obvestila.",
                            "correct": True,
                            "feedback": "Pravilno – obvestilo, ki se pojavi, lahko razkrije zaupne podatke.",
                        },
                        {
                            "text": "Deliti celotno namizje, da nihče ničesar ne zamudi.",
                            "correct": False,
                            "feedback": "Tako lahko pokažete e-pošto, datoteke in klepete, ki jih niste želeli pokazati.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Šifriranje celotnega diska ščiti podatke na ukradenem prenosniku, kadar je ta izklopljen.",
                    "is_true": True,
                    "explanation": "Ko je naprava izklopljena, šifriranih podatkov brez ključa ni mogoče prebrati. Zato je na poti bolje, da prenosnik izklopite ali ga preklopite v stanje mirovanja (hibernacijo), kot da ga pustite le v načinu spanja.",
                    "feedback_true": "Pravilno. Šifriranje naredi podatke za tatu neberljive.",
                    "feedback_false": "Ne povsem. S šifriranjem celotnega diska podatkov na izklopljenem prenosniku brez ključa ni mogoče prebrati.",
                },
            ],
        },
        "es": {
            "title": "Trabajar de forma segura desde casa y de viaje",
            "summary": (
                "Hábitos sencillos para proteger los datos de la empresa cuando trabajas desde casa, en una "
                "cafetería, en un hotel o en el tren: wifi segura, dispositivos bloqueados y actualizados, "
                "videollamadas con cabeza y aviso inmediato si pierdes un equipo."
            ),
            "body": [
                ("heading", "Tu oficina en casa forma parte de la red de la empresa"),
                (
                    "paragraph",
                    "<p>Cuando trabajas desde casa, en una cafetería o en un hotel, los datos de la empresa viajan contigo. Se aplican las mismas normas que en la oficina, pero no tienes en la mesa de al lado a un compañero de informática que note si algo va mal. Unos pocos hábitos sencillos marcan una gran diferencia.</p>",
                ),
                ("heading", "La wifi en casa y en lugares públicos"),
                (
                    "paragraph",
                    "<p>En casa, cambia la contraseña de administrador que trae el router de fábrica, usa cifrado <b>WPA2 o WPA3</b>, instala las actualizaciones del router y conecta a las visitas y los dispositivos inteligentes a una red de invitados separada. En lugares públicos, evita las redes wifi abiertas para trabajar: usa la VPN de la empresa o comparte la conexión de datos de tu móvil. Desconfía de los puntos de acceso falsos con nombres parecidos al de la red del hotel o la cafetería.</p>",
                ),
                ("heading", "Bloquea y actualiza tus dispositivos"),
                (
                    "paragraph",
                    "<p>Bloquea la pantalla cada vez que te levantes del puesto (<b>tecla Windows + L</b> en Windows, <b>Ctrl + Cmd + Q</b> en Mac) y configura el bloqueo automático a los pocos minutos. Comprueba que el disco está cifrado –con BitLocker en Windows y FileVault en Mac– e instala las actualizaciones cuanto antes. El portátil del trabajo es para trabajar: no se lo dejes a familiares ni amigos.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "En el tren y en las cafeterías, otras personas pueden leer tu pantalla y oír tus llamadas. Un filtro de privacidad para la pantalla ayuda, y las conversaciones confidenciales es mejor tenerlas en un lugar reservado.",
                    },
                ),
                ("heading", "Videollamadas"),
                (
                    "paragraph",
                    "<p>Usa la herramienta de videoconferencia aprobada por tu organización, no publiques los enlaces de las reuniones y activa la sala de espera o un código de acceso en las reuniones con participantes externos. Antes de compartir pantalla, cierra documentos y chats confidenciales y comparte <b>una sola ventana</b> en lugar de todo el escritorio. Desconfía de las peticiones de pago inusuales durante una llamada: las voces e incluso las caras pueden falsificarse, así que confírmalas por otro canal.</p>",
                ),
                ("heading", "Si pierdes un dispositivo o te lo roban"),
                (
                    "paragraph",
                    "<p>Avisa <b>de inmediato</b> a tu contacto de informática o a tu responsable, aunque sea de noche o en fin de semana. Cuanto antes lo sepan, antes podrán bloquear o borrar el dispositivo a distancia y cortarle el acceso a los sistemas de la empresa. Cambia las contraseñas que usabas en el dispositivo y, si te lo han robado, denuncia el robo a la policía. Nadie te va a culpar por avisar rápido.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Antes de empezar a teletrabajar",
                        "items": [
                            "Tu dispositivo está cifrado y se bloquea automáticamente.",
                            "Todas las actualizaciones están instaladas.",
                            "La VPN de la empresa funciona y sabes cuándo usarla.",
                            "Sabes cómo contactar con el soporte informático fuera del horario de oficina.",
                            "Los archivos de trabajo se guardan en el almacenamiento aprobado por la empresa, no en memorias USB ni en el correo personal.",
                        ],
                    },
                ),
                (
                    "takeaways",
                    [
                        "No uses redes wifi abiertas para trabajar: usa la VPN de la empresa o comparte la conexión de tu móvil.",
                        "Bloquea la pantalla, mantén los dispositivos cifrados y actualizados, y usa los del trabajo solo para trabajar.",
                        "Avisa de inmediato si pierdes un dispositivo o te lo roban, sea la hora que sea.",
                    ],
                ),
            ],
            "quiz": [
                {
                    "type": "single_choice",
                    "prompt": "Estás en un hotel y tienes que enviar un contrato a un cliente. ¿Qué conexión es la más segura?",
                    "explanation": "Las redes abiertas pueden espiarse o suplantarse. Compartir la conexión de tu móvil o usar la VPN de la empresa mantiene la conexión bajo tu control.",
                    "choices": [
                        {
                            "text": "La wifi abierta del hotel, sin VPN.",
                            "correct": False,
                            "feedback": "En una red abierta, otras personas conectadas pueden vigilar el tráfico.",
                        },
                        {
                            "text": "La conexión compartida de tu móvil o la VPN de la empresa.",
                            "correct": True,
                            "feedback": "Correcto. Ambas protegen tu tráfico.",
                        },
                        {
                            "text": "Una red llamada «Free_Hotel_WiFi» que has encontrado en el vestíbulo.",
                            "correct": False,
                            "feedback": "Los atacantes suelen crear puntos de acceso falsos con nombres convincentes.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "Puedes dejar que tus hijos hagan los deberes en el portátil del trabajo siempre que no abran archivos de trabajo.",
                    "is_true": False,
                    "explanation": "Los niños pueden instalar aplicaciones, pulsar enlaces o visitar webs que infecten el portátil, y entonces el malware tiene acceso a tus datos de trabajo. Usa los dispositivos del trabajo solo para trabajar.",
                    "feedback_true": "No exactamente. Cualquier infección del portátil pone en riesgo tus datos de trabajo, aunque nunca se abran los archivos.",
                    "feedback_false": "Correcto. Los dispositivos del trabajo deben usarse solo para trabajar.",
                },
                {
                    "type": "multiple_choice",
                    "prompt": "¿Qué medidas hacen más segura la wifi de casa? (Selecciona todas las respuestas correctas.)",
                    "explanation": "Cambiar la contraseña de administrador, usar un cifrado robusto y mantener el firmware actualizado protegen el router. Compartir la contraseña o desactivar el cifrado consigue justo lo contrario.",
                    "choices": [
                        {
                            "text": "Cambiar la contraseña de administrador que trae el router de fábrica.",
                            "correct": True,
                            "feedback": "Correcto.",
                        },
                        {
                            "text": "Usar cifrado WPA2 o WPA3.",
                            "correct": True,
                            "feedback": "Correcto.",
                        },
                        {
                            "text": "Instalar las actualizaciones de firmware del router.",
                            "correct": True,
                            "feedback": "Correcto: los routers también tienen vulnerabilidades.",
                        },
                        {
                            "text": "Compartir la contraseña de la wifi con los vecinos.",
                            "correct": False,
                            "feedback": "Cada usuario adicional es un riesgo potencial para tu red.",
                        },
                        {
                            "text": "Desactivar el cifrado para que la conexión vaya más rápida.",
                            "correct": False,
                            "feedback": "Sin cifrado, cualquiera que esté cerca puede leer tu tráfico o conectarse a tu red.",
                        },
                    ],
                },
                {
                    "type": "single_choice",
                    "prompt": "El viernes por la noche te roban del coche el portátil del trabajo. ¿Cuándo debes avisar?",
                    "explanation": "Cada hora cuenta: el equipo de informática puede bloquear el dispositivo y cortarle los accesos antes de que alguien los utilice.",
                    "choices": [
                        {
                            "text": "El lunes por la mañana, cuando abra la oficina.",
                            "correct": False,
                            "feedback": "El ladrón tendría todo el fin de semana para acceder a los datos de la empresa.",
                        },
                        {
                            "text": "De inmediato, usando el contacto disponible fuera del horario de oficina.",
                            "correct": True,
                            "feedback": "Correcto. Avisar rápido permite bloquear el dispositivo y proteger tus cuentas.",
                        },
                        {
                            "text": "Solo si contenía archivos confidenciales.",
                            "correct": False,
                            "feedback": "Cualquier dispositivo del trabajo da acceso a los sistemas de la empresa: avisa siempre.",
                        },
                    ],
                },
                {
                    "type": "multiple_choice",
                    "prompt": "¿Qué debes hacer antes de compartir pantalla en una videollamada? (Selecciona todas las respuestas correctas.)",
                    "explanation": "Compartir solo lo necesario y ocultar la información privada evita fugas accidentales hacia otros participantes y hacia cualquiera que esté grabando la llamada.",
                    "choices": [
                        {
                            "text": "Compartir solo la ventana necesaria.",
                            "correct": True,
                            "feedback": "Correcto.",
                        },
                        {
                            "text": "Cerrar documentos y chats confidenciales.",
                            "correct": True,
                            "feedback": "Correcto.",
                        },
                        {
                            "text": "Desactivar las notificaciones emergentes.",
                            "correct": True,
                            "feedback": "Correcto: un mensaje que aparece en pantalla puede revelar información confidencial.",
                        },
                        {
                            "text": "Compartir todo el escritorio para que nadie se pierda nada.",
                            "correct": False,
                            "feedback": "Podrías mostrar correos, archivos y chats que no querías enseñar.",
                        },
                    ],
                },
                {
                    "type": "true_false",
                    "statement": "El cifrado completo del disco protege los datos de un portátil robado cuando está apagado.",
                    "is_true": True,
                    "explanation": "Con el dispositivo apagado, los datos cifrados no se pueden leer sin la clave. Por eso, de viaje, conviene apagar el portátil o hibernarlo en lugar de dejarlo simplemente en suspensión.",
                    "feedback_true": "Correcto. El cifrado hace que los datos sean ilegibles para el ladrón.",
                    "feedback_false": "No exactamente. Con el cifrado completo del disco, los datos de un portátil apagado no se pueden leer sin la clave.",
                },
            ],
        },
    },
}


MODULES = [
    PHISHING_AT_THE_WATER_UTILITY,
    REMOTE_ACCESS_AND_OT_HYGIENE,
    BACKUPS_AND_INCIDENT_RESPONSE,
    STRONG_PASSWORDS_AND_MFA,
    SAFE_REMOTE_WORK,
]


PROGRAMMES = [
    {
        "slug": "water-industry-sme-cyber-resilience-estonia",
        "regions": ["EE"],
        "sectors": ["water"],
        "modules": [
            "phishing-at-the-water-utility",
            "remote-access-and-ot-hygiene",
            "backups-and-incident-response",
            "strong-passwords-and-mfa",
        ],
        "languages": {
            "en": {
                "title": "Water-industry SME cyber resilience programme",
                "intro": (
                    "<p>This development programme of the Estonian Information System Authority helps small "
                    "water utilities and wastewater operators protect the services that people rely on every "
                    "day. Attacks on the water sector are becoming more frequent, and small operators are often "
                    "the easiest targets.</p>"
                    "<p>The four modules cover phishing aimed at utility staff, secure remote access to control "
                    "systems, backups and incident response, and strong passwords with multi-factor "
                    "authentication. Each one takes 10–15 minutes and ends with a short quiz.</p>"
                ),
                "audience": (
                    "Staff, managers and operators of small and medium-sized water and wastewater utilities "
                    "in Estonia, together with their IT and automation partners."
                ),
            },
            "et": {
                "title": "Vee-ettevõtete küberkerksuse programm",
                "intro": (
                    "<p>Riigi Infosüsteemi Ameti arendusprogramm aitab väikestel vee-ettevõtjatel ja "
                    "reoveekäitlejatel kaitsta teenuseid, millele inimesed iga päev loodavad. Rünnakud "
                    "veesektori vastu sagenevad ning väikesed ettevõtted on sageli kõige kergemad "
                    "sihtmärgid.</p>"
                    "<p>Neli moodulit käsitlevad vee-ettevõtte töötajatele suunatud õngitsust, turvalist "
                    "kaugjuurdepääsu juhtimissüsteemidele, varundamist ja intsidentidele reageerimist ning "
                    "tugevaid paroole koos mitmeastmelise autentimisega. Iga moodul võtab aega 10–15 minutit "
                    "ja lõpeb lühikese testiga.</p>"
                ),
                "audience": (
                    "Eesti väikeste ja keskmise suurusega vee- ja kanalisatsiooniettevõtete töötajad, juhid "
                    "ja operaatorid ning nende IT- ja automaatikapartnerid."
                ),
            },
        },
    },
    {
        "slug": "cyber-basics-for-every-sme",
        "regions": ["EE", "FR-BRE", "SK-KI", "IT-52", "BE-WAL", "SI", "ES-CL"],
        "sectors": [
            "water",
            "energy",
            "health",
            "manufacturing",
            "agri-food",
            "transport",
            "retail",
            "finance",
            "public-sector",
            "ict",
            "tourism",
            "construction",
        ],
        "modules": ["strong-passwords-and-mfa", "safe-remote-work"],
        "languages": {
            "en": {
                "title": "Cyber basics for every SME",
                "intro": (
                    "<p>Most attacks on small businesses need no advanced hacking – a reused password or a "
                    "laptop left unlocked is enough. Offered by regional agencies across Europe, this "
                    "programme covers the basics that every employee should know, whatever the sector.</p>"
                    "<p>Start with strong passwords and multi-factor authentication, then learn how to work "
                    "safely from home and on the road. Each module takes about ten minutes.</p>"
                ),
                "audience": (
                    "Everyone who works in a small or medium-sized business, from the owner to new "
                    "employees – no technical knowledge needed."
                ),
            },
            "et": {
                "title": "Küberturbe alused igale VKE-le",
                "intro": (
                    "<p>Enamik rünnakuid väikeettevõtete vastu ei nõua keerukat häkkimist – piisab mitmes "
                    "kohas kasutatud paroolist või lukustamata jäetud sülearvutist. Seda programmi pakuvad "
                    "piirkondlikud arendusasutused üle Euroopa ning see annab põhiteadmised, mis peaksid "
                    "olema igal töötajal, olenemata tegevusalast.</p>"
                    "<p>Alusta tugevatest paroolidest ja mitmeastmelisest autentimisest ning õpi seejärel, "
                    "kuidas kodus ja teel olles turvaliselt töötada. Iga moodul võtab aega umbes kümme "
                    "minutit.</p>"
                ),
                "audience": (
                    "Kõik, kes töötavad väikeses või keskmise suurusega ettevõttes, omanikust uue "
                    "töötajani – tehnilisi teadmisi pole vaja."
                ),
            },
            "fr": {
                "title": "Les bases de la cybersécurité pour toutes les PME",
                "intro": (
                    "<p>La plupart des attaques contre les petites entreprises ne demandent aucun piratage "
                    "sophistiqué : un mot de passe réutilisé ou un ordinateur laissé déverrouillé suffit. "
                    "Proposé par des agences régionales dans toute l'Europe, ce programme couvre les bases "
                    "que chaque salarié devrait connaître, quel que soit son secteur.</p>"
                    "<p>Commencez par les mots de passe robustes et l'authentification multifacteur, puis "
                    "découvrez comment travailler en sécurité à domicile et en déplacement. Chaque module "
                    "dure une dizaine de minutes.</p>"
                ),
                "audience": (
                    "Toutes les personnes qui travaillent dans une petite ou moyenne entreprise, du dirigeant "
                    "au nouvel arrivant – aucune connaissance technique n'est nécessaire."
                ),
            },
            "it": {
                "title": "Le basi della sicurezza informatica per ogni PMI",
                "intro": (
                    "<p>La maggior parte degli attacchi alle piccole imprese non richiede tecniche "
                    "sofisticate: basta una password riutilizzata o un portatile lasciato sbloccato. "
                    "Offerto da agenzie regionali di tutta Europa, questo programma copre le basi che ogni "
                    "dipendente dovrebbe conoscere, in qualunque settore lavori.</p>"
                    "<p>Inizia dalle password robuste e dall'autenticazione a più fattori, poi scopri come "
                    "lavorare in sicurezza da casa e in viaggio. Ogni modulo richiede una decina di "
                    "minuti.</p>"
                ),
                "audience": (
                    "Chiunque lavori in una piccola o media impresa, dal titolare ai nuovi assunti: non "
                    "servono competenze tecniche."
                ),
            },
            "sk": {
                "title": "Základy kybernetickej bezpečnosti pre malé a stredné podniky",
                "intro": (
                    "<p>Väčšina útokov na malé firmy si nevyžaduje pokročilé hackerské techniky – stačí "
                    "opakovane použité heslo alebo nezamknutý notebook. Tento program, ktorý ponúkajú "
                    "regionálne agentúry v celej Európe, pokrýva základy, ktoré by mal poznať každý "
                    "zamestnanec bez ohľadu na odvetvie.</p>"
                    "<p>Začnite silnými heslami a viacfaktorovou autentifikáciou a potom sa naučte, ako "
                    "bezpečne pracovať z domu a na cestách. Každý modul trvá približne desať minút.</p>"
                ),
                "audience": (
                    "Všetci, ktorí pracujú v malom alebo strednom podniku, od majiteľa až po nových "
                    "zamestnancov – nepotrebujete žiadne technické znalosti."
                ),
            },
            "sl": {
                "title": "Osnove kibernetske varnosti za vsako malo in srednje podjetje",
                "intro": (
                    "<p>Večina napadov na mala podjetja ne zahteva naprednega hekanja – dovolj je geslo, "
                    "uporabljeno na več mestih, ali nezaklenjen prenosnik. Program, ki ga ponujajo "
                    "regionalne agencije po vsej Evropi, zajema osnove, ki bi jih moral poznati vsak "
                    "zaposleni, ne glede na dejavnost.</p>"
                    "<p>Začnite z močnimi gesli in večfaktorsko avtentikacijo, nato pa se naučite, kako "
                    "varno delati od doma in na poti. Vsak modul traja približno deset minut.</p>"
                ),
                "audience": (
                    "Vsi, ki delajo v malem ali srednje velikem podjetju, od lastnika do novih sodelavcev "
                    "– tehnično znanje ni potrebno."
                ),
            },
            "es": {
                "title": "Ciberseguridad básica para todas las pymes",
                "intro": (
                    "<p>La mayoría de los ataques contra pequeñas empresas no requieren técnicas "
                    "sofisticadas: basta con una contraseña reutilizada o un portátil sin bloquear. Este "
                    "programa, que ofrecen agencias regionales de toda Europa, cubre lo básico que todo "
                    "trabajador debería saber, sea cual sea su sector.</p>"
                    "<p>Empieza por las contraseñas robustas y la autenticación multifactor y, después, "
                    "aprende a trabajar de forma segura desde casa y de viaje. Cada módulo dura unos diez "
                    "minutos.</p>"
                ),
                "audience": (
                    "Cualquier persona que trabaje en una pequeña o mediana empresa, desde la dirección "
                    "hasta las nuevas incorporaciones; no se necesitan conocimientos técnicos."
                ),
            },
        },
    },
]


def _add_water_translations() -> None:
    """The water programme's modules in French, Italian, Slovak, Slovene and Spanish."""
    from . import water_es, water_fr, water_it, water_sk, water_sl

    for language, translations in {
        "fr": water_fr,
        "it": water_it,
        "sk": water_sk,
        "sl": water_sl,
        "es": water_es,
    }.items():
        for module in MODULES:
            if module["slug"] in translations.MODULES:
                module["languages"][language] = translations.MODULES[module["slug"]]
        for programme in PROGRAMMES:
            if programme["slug"] in translations.PROGRAMMES:
                programme["languages"][language] = translations.PROGRAMMES[programme["slug"]]


_add_water_translations()
