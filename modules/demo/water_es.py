"""Spanish versions of the water-programme demo modules."""

MODULES = {
    "phishing-at-the-water-utility": {
        "title": "Phishing en el servicio de aguas",
        "summary": (
            "Aprende a reconocer las facturas falsas, las llamadas de falso soporte técnico de "
            "proveedores y el fraude del CEO dirigidos a los servicios de abastecimiento y "
            "saneamiento de agua, y a avisar de ellos rápidamente."
        ),
        "body": [
            ("heading", "Por qué los atacantes se fijan en los servicios de aguas"),
            (
                "paragraph",
                "<p>Los pequeños servicios de abastecimiento y saneamiento pagan a proveedores, guardan datos de clientes y gestionan cada vez más a distancia las potabilizadoras, las depuradoras y las estaciones de bombeo. Para un atacante, eso significa dinero, datos y acceso a sistemas críticos, a menudo a cargo de un equipo reducido con poco apoyo informático. La mayoría de los ataques no empiezan con un hackeo ingenioso, sino con un <b>correo electrónico, un SMS o una llamada convincentes</b> dirigidos a un empleado cualquiera.</p>",
            ),
            ("heading", "Facturas falsas de proveedores"),
            (
                "paragraph",
                "<p>Los delincuentes averiguan quiénes son tus proveedores: por ejemplo, la empresa que suministra el hipoclorito sódico o los coagulantes, o la que se encarga del mantenimiento de las bombas y los contadores de agua. Después envían una factura o una carta idéntica a las auténticas y anuncian que <b>ha cambiado la cuenta bancaria</b>. A veces el correo procede realmente de la dirección del propio proveedor, porque le han hackeado el buzón.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Una petición de cambio de datos bancarios es la señal de alarma más clara de todas. No la aceptes nunca basándote solo en un correo electrónico: llama al proveedor a un número que ya tengas, del contrato o de facturas anteriores, y no al que figure en el mensaje.",
                },
            ),
            ("heading", "Falso soporte técnico del proveedor de SCADA"),
            (
                "paragraph",
                "<p>Otro truco habitual es una llamada o un correo de alguien que dice trabajar para tu proveedor de SCADA o de autómatas (PLC) o para tu integrador de automatización. Te habla de una <i>actualización de seguridad urgente</i> y te pide que instales una herramienta de acceso remoto, que abras una conexión o que le dictes tu usuario y tu contraseña de la VPN. Los proveedores auténticos trabajan a través del canal de soporte acordado y en las ventanas de mantenimiento programadas: nunca necesitan que te saltes tus propios procedimientos.</p>",
            ),
            ("heading", "Fraude del CEO y otras peticiones urgentes"),
            (
                "paragraph",
                "<p>En el fraude del CEO, el mensaje parece venir de tu responsable, del presidente del consejo de administración o del alcalde. Pide un pago urgente y confidencial o la compra de tarjetas regalo, a menudo justo cuando se sabe que esa persona está de viaje. Las señales típicas son <b>la presión, el secretismo y un canal poco habitual</b>. Comprueba qué dirección de correo se esconde tras el nombre visible y llama a esa persona a un número que conozcas.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Antes de hacer clic, pagar o responder",
                    "items": [
                        "Comprueba la dirección real del remitente, no solo el nombre que aparece.",
                        "Pregúntate si esperabas este mensaje o esta factura.",
                        "Desconfía de las prisas, el secretismo y las peticiones de saltarse los procedimientos habituales.",
                        "Antes de hacer clic, pasa el ratón por encima del enlace para ver adónde lleva realmente.",
                        "No abras archivos adjuntos inesperados, sobre todo archivos ZIP o HTML y documentos de Office que te pidan habilitar macros.",
                        "Verifica las peticiones de pago y de acceso a través de un canal que ya conozcas.",
                    ],
                },
            ),
            ("heading", "Avisa rápido y sin miedo"),
            (
                "paragraph",
                "<p>Si has hecho clic en un enlace, has abierto un adjunto o has escrito tu contraseña en una página sospechosa, avisa <b>de inmediato</b> a tu contacto de informática o a tu responsable y cambia la contraseña. Cada minuto cuenta, y nunca se debe culpar a nadie por avisar con sinceridad. También puedes reenviar los mensajes sospechosos a cert@cert.ee, la dirección del CERT-EE, el equipo nacional de respuesta a incidentes de la Autoridad del Sistema de Información de Estonia (RIA).</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "Pon el nombre y el teléfono de la persona a la que hay que avisar donde todo el mundo pueda verlos: en la sala de control, en el taller y en la pared de la oficina.",
                },
            ),
            (
                "takeaways",
                [
                    "Verifica siempre por teléfono cualquier cambio de datos bancarios, llamando a un número que ya tengas.",
                    "Los proveedores auténticos nunca te meten prisa ni te piden que te saltes procedimientos o instales herramientas.",
                    "La presión, el secretismo y la urgencia son las señales clásicas de la ingeniería social.",
                    "Avisa enseguida si has hecho clic o has recibido mensajes sospechosos: la rapidez limita los daños.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Tu proveedor habitual de cloro te envía un correo en el que dice que ha cambiado de cuenta bancaria y te pide que pagues la próxima factura en la cuenta nueva. ¿Qué debes hacer?",
                "explanation": "Los buzones de los proveedores se hackean con frecuencia, así que un correo desde la dirección auténtica no demuestra nada. Solo una llamada a un número que ya tengas puede confirmar el cambio.",
                "choices": [
                    {
                        "text": "Pagar en la cuenta nueva: el correo llegó desde la dirección habitual del proveedor.",
                        "correct": False,
                        "feedback": "Puede que hayan hackeado el buzón del proveedor. Una dirección conocida no es ninguna prueba.",
                    },
                    {
                        "text": "Responder al correo y pedir que confirmen el cambio.",
                        "correct": False,
                        "feedback": "Si los delincuentes controlan el buzón, lo confirmarán ellos mismos sin más.",
                    },
                    {
                        "text": "Llamar al proveedor al número que figura en el contrato o en facturas anteriores.",
                        "correct": True,
                        "feedback": "Correcto. Un canal independiente es la única comprobación fiable.",
                    },
                    {
                        "text": "Reenviar el correo a un compañero y pedirle que haga el pago.",
                        "correct": False,
                        "feedback": "Así solo trasladas el riesgo a otra persona sin comprobar nada.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "¿Cuáles de estas son señales de alerta típicas del phishing o de la ingeniería social? (Selecciona todas las respuestas correctas.)",
                "explanation": "Los atacantes meten presión y te aíslan para que actúes antes de pensar. Que un mensaje esté en tu idioma o llegue en horario de oficina es normal y no indica nada.",
                "choices": [
                    {
                        "text": "Te piden que actúes con urgencia.",
                        "correct": True,
                        "feedback": "Correcto: la urgencia sirve para que no compruebes nada.",
                    },
                    {
                        "text": "Te piden que no cuentes nada a tus compañeros.",
                        "correct": True,
                        "feedback": "Correcto: el secretismo impide que otras personas detecten el fraude.",
                    },
                    {
                        "text": "La dirección del remitente es ligeramente distinta del dominio auténtico.",
                        "correct": True,
                        "feedback": "Correcto: son habituales los dominios que imitan al auténtico, como «rnail» en lugar de «mail».",
                    },
                    {
                        "text": "El mensaje llega en horario normal de oficina.",
                        "correct": False,
                        "feedback": "La hora por sí sola no es una señal de alerta: los atacantes envían mensajes a cualquier hora.",
                    },
                    {
                        "text": "El mensaje está escrito en tu idioma.",
                        "correct": False,
                        "feedback": "El phishing actual suele estar redactado con fluidez y sin errores.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Un proveedor de SCADA auténtico puede llamarte sin previo aviso y pedirte que instales una herramienta de acceso remoto para aplicar un parche urgente.",
                "is_true": False,
                "explanation": "Los proveedores auténticos usan el canal de soporte acordado y el mantenimiento programado. Una petición inesperada de instalar software de acceso remoto es un ataque clásico.",
                "feedback_true": "No exactamente. Así es precisamente como los atacantes entran en los sistemas de control: comprueba siempre a través del canal acordado.",
                "feedback_false": "Correcto. Las peticiones imprevistas de instalar herramientas de acceso remoto deben comprobarse y rechazarse siempre.",
            },
            {
                "type": "single_choice",
                "prompt": "Has hecho clic en un enlace de un correo y has introducido tu contraseña en una página que después ha mostrado un error. ¿Qué debes hacer primero?",
                "explanation": "Puede que el atacante ya esté usando tu contraseña. Avisar enseguida y cambiar la contraseña limita lo que puede hacer.",
                "choices": [
                    {
                        "text": "Esperar a ver si pasa algo raro.",
                        "correct": False,
                        "feedback": "Para entonces, puede que el atacante ya haya usado tu cuenta.",
                    },
                    {
                        "text": "Avisar de inmediato a tu contacto de informática o a tu responsable y cambiar la contraseña.",
                        "correct": True,
                        "feedback": "Correcto. Avisar rápido da la mejor oportunidad de detener el ataque.",
                    },
                    {
                        "text": "Borrar el correo y no decir nada para no pasar vergüenza.",
                        "correct": False,
                        "feedback": "Callar solo ayuda al atacante. Avisar con sinceridad siempre es bienvenido.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "El director, que está de vacaciones, te pide por correo un pago urgente y confidencial a un nuevo socio y te dice que no lo comentes con nadie. ¿Qué es lo más adecuado?",
                "explanation": "La presión y el secretismo son las señas de identidad del fraude del CEO. Una llamada a un número conocido lleva un minuto y detiene el fraude.",
                "choices": [
                    {
                        "text": "Hacer el pago: el director tiene autoridad para pedirlo.",
                        "correct": False,
                        "feedback": "Los delincuentes cuentan precisamente con eso. La autoridad no sustituye a la verificación.",
                    },
                    {
                        "text": "Responder al correo y preguntar si la petición es auténtica.",
                        "correct": False,
                        "feedback": "Tu respuesta puede ir directamente al estafador.",
                    },
                    {
                        "text": "Llamar al director a un número que ya conozcas y seguir el procedimiento de aprobación habitual.",
                        "correct": True,
                        "feedback": "Correcto. Verifica por un canal conocido y no te saltes nunca las aprobaciones habituales.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Un correo puede mostrar como remitente un nombre conocido aunque se haya enviado desde una dirección completamente distinta.",
                "is_true": True,
                "explanation": "El nombre visible puede ser cualquiera. Comprueba siempre la dirección real y recuerda que incluso una dirección correcta puede pertenecer a un buzón hackeado.",
                "feedback_true": "Correcto. El nombre que aparece es fácil de falsificar, así que comprueba la dirección que hay detrás.",
                "feedback_false": "No exactamente. Cualquiera puede elegir el nombre visible que quiera: el nombre por sí solo no demuestra nada.",
            },
        ],
    },
    "remote-access-and-ot-hygiene": {
        "title": "Acceso remoto e higiene de seguridad en OT",
        "summary": (
            "Mantén las bombas, los PLC y el SCADA fuera del alcance de los atacantes: nada expuesto "
            "directamente a internet, VPN con MFA para los proveedores, redes de TI y OT separadas y "
            "los hábitos diarios que mantienen seguros los sistemas de control."
        ),
        "body": [
            ("heading", "Un sistema de control no es un ordenador de oficina"),
            (
                "paragraph",
                "<p>Los PLC, las HMI y los servidores SCADA controlan las bombas, la dosificación de productos químicos y el nivel de los depósitos. A menudo siguen en servicio 15 años o más, no siempre pueden actualizarse con rapidez y se diseñaron para redes cerradas. Si un atacante se hace con su control, el resultado no es solo la pérdida de datos, sino posiblemente <b>cortes de suministro o agua no apta para el consumo</b>.</p>",
            ),
            ("heading", "No expongas nunca los PLC ni las HMI directamente a internet"),
            (
                "paragraph",
                "<p>Buscadores como Shodan rastrean continuamente todo internet en busca de dispositivos industriales. Un PLC o una HMI con una dirección IP pública y un puerto abierto (Modbus, una interfaz web o VNC) se localiza en cuestión de horas. A finales de 2023, unos atacantes tomaron el control de PLC expuestos a internet en varios servicios de aguas que seguían protegidos únicamente con la <b>contraseña predeterminada del fabricante</b>.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Si puedes abrir tu HMI desde el móvil sin conectarte antes a una VPN, cualquier otra persona en internet también puede hacerlo. Pide hoy mismo a tu integrador que lo compruebe.",
                },
            ),
            ("heading", "Acceso de proveedores: VPN con MFA y solo cuando haga falta"),
            (
                "paragraph",
                "<p>El acceso remoto al sistema de control debe hacerse exclusivamente a través de una VPN o una pasarela de acceso remoto protegida con <b>autenticación multifactor</b> (MFA). Cada persona tiene su propia cuenta: nada de usuarios compartidos para los proveedores. El acceso de un proveedor se activa para una ventana de mantenimiento acordada y se desactiva al terminar, y todas las sesiones quedan registradas. No permitas que los contratistas instalen sus propias herramientas de acceso remoto en los equipos de OT.</p>",
            ),
            ("heading", "Mantén separadas las redes de TI y de OT"),
            (
                "paragraph",
                "<p>La red de oficina, donde se lee el correo y se navega por la web, debe estar separada de la red de control mediante un cortafuegos que solo permita las conexiones realmente necesarias. Los datos que tengan que pasar de una red a otra, como los informes de mediciones, deben atravesar una zona intermedia (una DMZ). Así, un ransomware que llegue por correo no podrá alcanzar el SCADA. No uses <i>nunca</i> las HMI ni las estaciones de ingeniería para leer el correo o navegar por la web.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Higiene OT en el día a día",
                    "items": [
                        "Cambia las contraseñas predeterminadas de todos los PLC, HMI, routers, módems y cámaras.",
                        "No conectes memorias USB desconocidas a los equipos de OT; para transferir archivos, usa solo una memoria dedicada y revisada.",
                        "Mantén actualizada una lista de todos los dispositivos del sistema de control.",
                        "Recopila los registros de la VPN, de los cortafuegos y de los cambios en los programas de los PLC, y revísalos con regularidad.",
                        "Elimina sin demora las cuentas de antiguos empleados y proveedores.",
                        "Instala las actualizaciones después de probarlas con tu proveedor o integrador.",
                    ],
                },
            ),
            ("heading", "Conoce lo que tienes"),
            (
                "paragraph",
                "<p>No puedes proteger lo que no sabes que existe. Para cada dispositivo, el inventario de activos debe recoger el modelo, la ubicación, la versión de firmware, la dirección de red y la persona responsable, incluidos los <b>routers y módems móviles</b> de las estaciones de bombeo remotas, que se olvidan con facilidad y a menudo son accesibles desde internet. Guarda los registros en un lugar centralizado durante varios meses para poder investigar si ocurre algo.</p>",
            ),
            (
                "takeaways",
                [
                    "Ningún PLC, HMI o servidor SCADA debe ser accesible directamente desde internet.",
                    "Acceso remoto solo a través de una VPN con MFA, con cuentas personales y sesiones registradas.",
                    "Mantén la red informática de oficina y la del sistema de control separadas por un cortafuegos.",
                    "Las contraseñas predeterminadas, las memorias USB desconocidas y los módems olvidados se lo ponen fácil a los atacantes.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Un proveedor de bombas necesita acceso remoto para ajustar el programa de un PLC. ¿Qué configuración es la más segura?",
                "explanation": "El acceso a través de una VPN con MFA, con una cuenta personal y un margen de tiempo limitado, te permite controlar quién se conecta, cuándo y qué hace.",
                "choices": [
                    {
                        "text": "Redirigir un puerto del router a la HMI y protegerla con una contraseña robusta.",
                        "correct": False,
                        "feedback": "Los dispositivos expuestos se localizan y se atacan rápidamente; una contraseña sola no basta.",
                    },
                    {
                        "text": "Una VPN con MFA y una cuenta personal para el técnico del proveedor, activada solo durante la ventana de mantenimiento acordada.",
                        "correct": True,
                        "feedback": "Correcto. El acceso está limitado en el tiempo y cada sesión se puede rastrear.",
                    },
                    {
                        "text": "Dejar que el proveedor instale una herramienta de acceso remoto permanente en la estación de ingeniería.",
                        "correct": False,
                        "feedback": "Una herramienta permanente y sin control es una puerta trasera que también pueden usar los atacantes.",
                    },
                    {
                        "text": "Dar al proveedor el usuario compartido de los operadores.",
                        "correct": False,
                        "feedback": "Con usuarios compartidos es imposible saber quién ha hecho qué.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "¿Qué medidas ayudan a separar correctamente las redes de TI y de OT? (Selecciona todas las respuestas correctas.)",
                "explanation": "Separar significa un cortafuegos que solo permita el tráfico necesario, una DMZ para el intercambio de datos y ningún uso ofimático de los equipos de OT. Las contraseñas compartidas y las conexiones directas anulan la separación.",
                "choices": [
                    {
                        "text": "Un cortafuegos entre la red de oficina y la de control que solo permita el tráfico necesario.",
                        "correct": True,
                        "feedback": "Correcto: es la base de la separación.",
                    },
                    {
                        "text": "Nada de correo ni navegación web en las HMI y las estaciones de ingeniería.",
                        "correct": True,
                        "feedback": "Correcto: así se eliminan las vías de infección más habituales.",
                    },
                    {
                        "text": "Una zona separada (DMZ) para intercambiar datos como los informes.",
                        "correct": True,
                        "feedback": "Correcto: los datos pueden circular sin una conexión directa.",
                    },
                    {
                        "text": "La misma contraseña de administrador en ambas redes, por comodidad.",
                        "correct": False,
                        "feedback": "En ese caso, una contraseña robada en la oficina abriría también la red de control.",
                    },
                    {
                        "text": "Conectar el servidor SCADA a la wifi de la oficina.",
                        "correct": False,
                        "feedback": "Así el sistema de control queda conectado directamente a la red de oficina.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Un PLC está a salvo de los atacantes de internet si su interfaz web usa un número de puerto poco habitual.",
                "is_true": False,
                "explanation": "Los escáneres revisan todos los puertos, no solo los estándar. La única opción segura es mantener los dispositivos de control fuera de la internet pública.",
                "feedback_true": "No exactamente. Los escáneres de internet revisan todos los puertos, así que un número poco habitual no oculta nada.",
                "feedback_false": "Correcto. Cambiar de puerto no protege un dispositivo expuesto a internet.",
            },
            {
                "type": "single_choice",
                "prompt": "Un contratista trae una memoria USB con un proyecto de HMI actualizado. ¿Cuál es la forma correcta de proceder?",
                "explanation": "Las memorias USB son una vía bien conocida de entrada de malware en las redes aisladas. Revisar los archivos en un equipo dedicado y seguir el procedimiento de cambios reduce el riesgo.",
                "choices": [
                    {
                        "text": "Conectarla directamente a la HMI: el contratista es de confianza.",
                        "correct": False,
                        "feedback": "Incluso un contratista de confianza puede llevar una memoria infectada sin saberlo.",
                    },
                    {
                        "text": "Revisar los archivos en un equipo dedicado con el antivirus actualizado y transferirlos según lo acordado en el procedimiento de cambios.",
                        "correct": True,
                        "feedback": "Correcto. Primero se revisa y después se transfiere de forma controlada.",
                    },
                    {
                        "text": "Abrirla primero en un PC de la oficina para ver qué contiene.",
                        "correct": False,
                        "feedback": "El PC de la oficina podría estar infectado y pasar el malware a la memoria.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "¿Qué debe incluir el inventario de activos OT? (Selecciona todas las respuestas correctas.)",
                "explanation": "El inventario debe describir qué es cada dispositivo, dónde está, cómo está conectado y quién es su responsable. Las contraseñas no tienen cabida en él y, además, las contraseñas predeterminadas no deberían existir ya.",
                "choices": [
                    {
                        "text": "Modelo y ubicación del dispositivo",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "Versión de firmware o de software",
                        "correct": True,
                        "feedback": "Correcto: la necesitas para saber qué vulnerabilidades te afectan.",
                    },
                    {
                        "text": "Dirección de red y tipo de conexión, incluidos los módems móviles",
                        "correct": True,
                        "feedback": "Correcto: los módems olvidados son un punto débil habitual.",
                    },
                    {
                        "text": "La contraseña predeterminada de cada dispositivo, en texto claro",
                        "correct": False,
                        "feedback": "Las contraseñas no deben figurar en el inventario, y las predeterminadas ya deberían haberse cambiado.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Los registros de los inicios de sesión en la VPN y de los cambios en los programas de los PLC ayudan a averiguar qué ha pasado después de un incidente.",
                "is_true": True,
                "explanation": "Sin registros no puedes saber quién se conectó, cuándo ni qué se cambió. Guárdalos de forma centralizada y consérvalos durante varios meses.",
                "feedback_true": "Correcto. Los registros suelen ser la única prueba de lo que ocurrió realmente.",
                "feedback_false": "No exactamente. Los registros son imprescindibles para investigar los incidentes.",
            },
        ],
    },
    "backups-and-incident-response": {
        "title": "Copias de seguridad y respuesta a incidentes",
        "summary": (
            "Asegúrate de que tu servicio de aguas puede recuperarse de un ransomware o de un fallo "
            "del sistema: copias de seguridad que ya hayas restaurado de verdad, copias de la "
            "configuración de los PLC y un plan claro de quién hace qué cuando algo va mal."
        ),
        "body": [
            ("heading", "La regla 3-2-1"),
            (
                "paragraph",
                "<p>Guarda al menos <b>tres copias</b> de los datos importantes, en <b>dos tipos distintos</b> de soporte, con <b>una copia fuera de las instalaciones</b>. Además, al menos una copia debe estar <i>desconectada o ser inmutable</i> (sin conexión o protegida contra escritura), porque el ransomware actual busca las unidades de copia conectadas y las carpetas compartidas en red, y las cifra o las borra antes que nada.</p>",
            ),
            ("heading", "No te olvides de la configuración de los PLC y las HMI"),
            (
                "paragraph",
                "<p>Los datos de facturación y contabilidad suelen tener copia de seguridad, pero el sistema de control a menudo no. Los programas de los PLC, los proyectos de HMI, la configuración del SCADA, los ajustes de los equipos de red, las versiones de firmware y las consignas a veces solo existen en el portátil del integrador. Ten tu propia copia actualizada, incluidas las versiones anteriores, guárdala sin conexión y renuévala después de cada cambio. Incluye la entrega de estos archivos como requisito en tu contrato de mantenimiento.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Una copia de seguridad que nunca has restaurado es solo una esperanza. Haz pruebas de restauración con regularidad, al menos dos veces al año, e incluye la carga de un programa de PLC en un equipo de repuesto.",
                },
            ),
            ("heading", "Cuando ocurre algo: los primeros pasos"),
            (
                "paragraph",
                "<p>Son señales de alerta los archivos que de repente no se abren o tienen extensiones extrañas, un mensaje de rescate en la pantalla, valores en la HMI que no tienen sentido o consignas que cambian sin que nadie las toque. <b>Aísla</b> los equipos afectados desconectando el cable de red o la wifi, pero no los apagues: la memoria y los registros pueden contener pruebas importantes. A continuación, avisa de inmediato a la persona responsable de incidentes.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Contactos para incidentes: imprime la lista y tenla junto al teléfono",
                    "items": [
                        "La persona responsable de incidentes y su suplente, con sus números de móvil.",
                        "Tu proveedor de servicios informáticos y tu integrador de SCADA, con sus teléfonos fuera del horario laboral.",
                        "CERT-EE, el CSIRT nacional de la Autoridad del Sistema de Información: cert@cert.ee.",
                        "La policía, si hay un delito de por medio, como una extorsión.",
                        "La autoridad sanitaria (Terviseamet), si la calidad del agua de consumo puede verse afectada.",
                        "Tu aseguradora, la entidad propietaria o el ayuntamiento, y quien se encargue de la comunicación con los clientes.",
                    ],
                },
            ),
            ("heading", "El funcionamiento manual como alternativa"),
            (
                "paragraph",
                "<p>Si no puedes fiarte del sistema de control, el agua tiene que seguir llegando. Asegúrate de que el tratamiento y el bombeo pueden funcionar <b>en modo manual durante varios días</b>: procedimientos y consignas impresos, personal formado, paneles de control locales que funcionen, toma de muestras manual y control de la dosificación de productos químicos, y un cuadrante de turnos. El paso al funcionamiento manual debe practicarse al menos una vez al año.</p>",
            ),
            ("heading", "Ransomware: no pagues; aísla, notifica y restaura"),
            (
                "paragraph",
                "<p>Pagar no garantiza que recuperes los datos ni que los datos robados no se publiquen. Además, financia nuevos delitos y les confirma a los delincuentes que el chantaje funciona. Aísla los sistemas infectados, conserva las pruebas y notifica el incidente al CERT-EE y a la policía. Restaura desde copias limpias solo cuando se haya encontrado y cerrado la vía de entrada, y cambia todas las contraseñas. Si tu servicio de aguas está sujeto a la Ley de Ciberseguridad de Estonia, notificar los incidentes significativos a la Autoridad del Sistema de Información es además una <b>obligación legal</b>.</p>",
            ),
            (
                "takeaways",
                [
                    "Sigue la regla 3-2-1 y guarda al menos una copia sin conexión o inmutable.",
                    "Haz copia de seguridad de los programas de los PLC, los proyectos de HMI y la configuración de red después de cada cambio.",
                    "Prueba las restauraciones y practica el funcionamiento manual antes de necesitarlos.",
                    "Ante un incidente: aísla, no apagues, llama a la persona responsable de incidentes y notifícalo al CERT-EE.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "¿Qué significa la regla 3-2-1 de las copias de seguridad?",
                "explanation": "Tres copias en dos tipos de soporte, una de ellas guardada en otro lugar, hacen que ningún fallo, incendio o ataque por sí solo pueda destruir todos tus datos.",
                "choices": [
                    {
                        "text": "Tres copias de los datos, en dos tipos distintos de soporte, una de ellas fuera de las instalaciones.",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "Tres copias de seguridad al día, conservadas durante dos semanas en un mismo servidor.",
                        "correct": False,
                        "feedback": "La frecuencia importa, pero si todo está en un solo servidor, un único fallo lo destruye todo.",
                    },
                    {
                        "text": "Tres administradores, dos contraseñas y un disco de copias de seguridad.",
                        "correct": False,
                        "feedback": "Esto no tiene nada que ver con la regla 3-2-1.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Una copia de seguridad solo demuestra de verdad su valor cuando se ha restaurado con éxito en una prueba.",
                "is_true": True,
                "explanation": "Las copias de seguridad pueden fallar sin avisar: archivos que faltan, soportes dañados o una contraseña olvidada. Solo una prueba de restauración demuestra que la recuperación funcionará de verdad.",
                "feedback_true": "Correcto. Las copias sin probar suelen fallar justo cuando hacen falta.",
                "feedback_false": "No exactamente. Muchas organizaciones descubren en pleno incidente que sus copias no se pueden restaurar.",
            },
            {
                "type": "multiple_choice",
                "prompt": "¿Qué debe incluir un pequeño servicio de aguas en sus copias de seguridad? (Selecciona todas las respuestas correctas.)",
                "explanation": "Un servicio de aguas tiene que poder restaurar tanto los datos de oficina como la configuración del sistema de control. Confiar solo en el integrador te deja a merced de un único portátil.",
                "choices": [
                    {
                        "text": "Los programas de los PLC y los proyectos de HMI",
                        "correct": True,
                        "feedback": "Correcto: sin ellos, reconstruir el sistema de control puede llevar semanas.",
                    },
                    {
                        "text": "Los datos de clientes y de facturación",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "La configuración de los cortafuegos y los routers",
                        "correct": True,
                        "feedback": "Correcto: también hay que reconstruir la red.",
                    },
                    {
                        "text": "Nada del sistema de control: el integrador ya tiene una copia",
                        "correct": False,
                        "feedback": "La copia del integrador puede estar desactualizada, haberse perdido o no estar disponible en el momento crítico.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "Un ordenador de la oficina muestra de repente un mensaje de rescate y los archivos tienen extensiones nuevas y extrañas. ¿Cuál es el primer paso correcto?",
                "explanation": "Desconectar el equipo de la red detiene la propagación y conserva las pruebas que hay en la memoria; después, la persona responsable de incidentes coordina los pasos siguientes.",
                "choices": [
                    {
                        "text": "Cortar inmediatamente la corriente de todos los ordenadores.",
                        "correct": False,
                        "feedback": "Apagar los equipos puede destruir las pruebas que hay en la memoria. En su lugar, desconecta el ordenador de la red.",
                    },
                    {
                        "text": "Desconectar el ordenador de la red y avisar a la persona responsable de incidentes.",
                        "correct": True,
                        "feedback": "Correcto. Aísla el equipo, déjalo encendido y da la alarma.",
                    },
                    {
                        "text": "Pagar el rescate rápidamente para que la interrupción dure poco.",
                        "correct": False,
                        "feedback": "Pagar no garantiza nada y financia nuevos ataques.",
                    },
                    {
                        "text": "Seguir el enlace del mensaje de rescate para contactar con los atacantes.",
                        "correct": False,
                        "feedback": "No interactúes con los atacantes: deja eso en manos de especialistas y de la policía.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "El SCADA muestra cambios de consigna que nadie ha hecho y ya no se puede confiar en el sistema. ¿Qué deben hacer los operadores?",
                "explanation": "El suministro de agua y la seguridad son lo primero. El funcionamiento manual según el procedimiento preparado mantiene la planta en marcha mientras se investiga el incidente.",
                "choices": [
                    {
                        "text": "Seguir en modo automático y esperar a que el personal de informática lo investigue.",
                        "correct": False,
                        "feedback": "Si no se puede confiar en el sistema, el modo automático podría producir agua no apta para el consumo.",
                    },
                    {
                        "text": "Pasar a funcionamiento manual siguiendo el procedimiento impreso y controlar la calidad del agua manualmente con más frecuencia.",
                        "correct": True,
                        "feedback": "Correcto. Así el suministro sigue siendo seguro mientras se busca la causa.",
                    },
                    {
                        "text": "Parar toda la planta de inmediato sin avisar a nadie.",
                        "correct": False,
                        "feedback": "Una parada descoordinada puede interrumpir por sí misma el suministro: sigue el plan e informa a la persona responsable de incidentes.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Pagar el rescate garantiza que recuperarás tus datos y que no se publicarán.",
                "is_true": False,
                "explanation": "A menudo los delincuentes no entregan una clave de descifrado que funcione, publican los datos de todos modos o vuelven con nuevas exigencias. Las autoridades desaconsejan pagar.",
                "feedback_true": "No exactamente. No hay ninguna garantía y, además, pagar te convierte en objetivo de nuevos ataques.",
                "feedback_false": "Correcto. Pagar no garantiza nada y financia nuevos delitos.",
            },
        ],
    },
}

PROGRAMMES = {
    "water-industry-sme-cyber-resilience-estonia": {
        "title": "Programa de ciberresiliencia para pymes del sector del agua",
        "intro": (
            "<p>Este programa de desarrollo de la Autoridad del Sistema de Información de Estonia "
            "ayuda a los pequeños servicios de abastecimiento de agua y a las entidades de "
            "saneamiento a proteger unos servicios de los que la gente depende a diario. Los "
            "ataques contra el sector del agua son cada vez más frecuentes, y los operadores "
            "pequeños suelen ser los objetivos más fáciles.</p>"
            "<p>Los cuatro módulos tratan el phishing dirigido al personal de los servicios de "
            "aguas, el acceso remoto seguro a los sistemas de control, las copias de seguridad y "
            "la respuesta a incidentes, y las contraseñas robustas con autenticación multifactor. "
            "Cada uno dura entre 10 y 15 minutos y termina con un breve cuestionario.</p>"
        ),
        "audience": (
            "Personal, directivos y operadores de pequeños y medianos servicios de abastecimiento y "
            "saneamiento de agua de Estonia, junto con sus colaboradores de informática y "
            "automatización."
        ),
    },
}
