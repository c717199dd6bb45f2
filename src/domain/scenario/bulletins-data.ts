// Real Microsoft security bulletins of 2007-2008 (ID, KB, release date, out-of-band, maximum severity, title, affected
// software), as listed in shared/reference/bulletins-2007-2008.tsv. Kept verbatim as TSV so it can be diffed against
// the reference; parsed once by `parseBulletins`.
export const BULLETINS_TSV = `bulletin	kb	released	out_of_band	max_severity	title	affected_software
MS07-002	927198	2007-01-09	no	Critical	Vulnerabilities in Microsoft Excel Could Allow Remote Code Execution	Office (Excel)
MS07-003	925938	2007-01-09	no	Critical	Vulnerabilities in Microsoft Outlook Could Allow Remote Code Execution	Office (Outlook)
MS07-006	928255	2007-02-13	no	Important	Vulnerability in Windows Shell Could Allow Elevation of Privilege	Windows
MS07-008	928843	2007-02-13	no	Critical	Vulnerability in HTML Help ActiveX Control Could Allow Remote Code Execution	Windows
MS07-014	929434	2007-02-13	no	Critical	Vulnerabilities in Microsoft Word Could Allow Remote Code Execution	Office (Word)
MS07-016	928090	2007-02-13	no	Critical	Cumulative Security Update for Internet Explorer	Windows, Internet Explorer
MS07-017	925902	2007-04-03	yes	Critical	Vulnerabilities in GDI Could Allow Remote Code Execution	Windows
MS07-022	931784	2007-04-10	no	Important	Vulnerability in Windows Kernel Could Allow Elevation of Privilege	Windows
MS07-023	934233	2007-05-08	no	Critical	Vulnerabilities in Microsoft Excel Could Allow Remote Code Execution	Office (Excel)
MS07-027	931768	2007-05-08	no	Critical	Cumulative Security Update for Internet Explorer	Internet Explorer
MS07-031	935840	2007-06-12	no	Critical	Vulnerability in the Windows Schannel Security Package Could Allow Remote Code Execution	Windows
MS07-036	936542	2007-07-10	no	Critical	Vulnerabilities in Microsoft Excel Could Allow Remote Code Execution	Office (Excel)
MS07-040	931212	2007-07-10	no	Critical	Vulnerabilities in .NET Framework Could Allow Remote Code Execution	.NET Framework
MS07-042	936227	2007-08-14	no	Critical	Vulnerability in Microsoft XML Core Services Could Allow Remote Code Execution	Windows, XML Core Services
MS07-045	937143	2007-08-14	no	Critical	Cumulative Security Update for Internet Explorer	Windows, Internet Explorer
MS07-050	938127	2007-08-14	no	Critical	Vulnerability in Vector Markup Language Could Allow Remote Code Execution	Windows 2000 SP4 / XP SP2 / Server 2003 SP1–SP2, IE 5.01–7
MS07-056	941202	2007-10-09	no	Critical	Cumulative Security Update for Outlook Express and Windows Mail	Windows, Outlook Express, Windows Mail
MS07-057	939653	2007-10-09	no	Critical	Cumulative Security Update for Internet Explorer	Windows, Internet Explorer
MS07-061	943460	2007-11-13	no	Critical	Vulnerability in Windows URI Handling Could Allow Remote Code Execution	Windows
MS07-064	941568	2007-12-11	no	Critical	Vulnerabilities in DirectX Could Allow Remote Code Execution	Windows 2000/XP/Server 2003, DirectX 7.0/8.1/9.0
MS07-069	942615	2007-12-11	no	Critical	Cumulative Security Update for Internet Explorer	Windows, Internet Explorer
MS08-001	941644	2008-01-08	no	Critical	Vulnerabilities in Windows TCP/IP Could Allow Remote Code Execution	Windows 2000 SP4, XP SP2, XP x64, Server 2003 SP1/SP2, Vista
MS08-002	943485	2008-01-08	no	Important	Vulnerability in LSASS Could Allow Local Elevation of Privilege	Windows 2000 SP4, XP SP2, Server 2003 SP1/SP2
MS08-007	946026	2008-02-12	no	Critical	Vulnerability in WebDAV Mini-Redirector Could Allow Remote Code Execution	XP SP2, Server 2003 SP1/SP2, Vista
MS08-008	947890	2008-02-12	no	Critical	Vulnerability in OLE Automation Could Allow Remote Code Execution	Windows 2000 SP4 → Vista (component KB943055)
MS08-010	944533	2008-02-12	no	Critical	Cumulative Security Update for Internet Explorer	IE 5.01 SP4, IE 6, IE 7 on Windows 2000/XP/2003/Vista
MS08-014	949029	2008-03-11	no	Critical	Vulnerabilities in Microsoft Excel Could Allow Remote Code Execution	Excel 2000/2002/2003/2007 (Excel 2003 SP2 = KB943985)
MS08-021	948590	2008-04-08	no	Critical	Vulnerabilities in GDI Could Allow Remote Code Execution	Windows 2000 SP4, XP SP2, Server 2003, Vista (incl. SP1)
MS08-024	947864	2008-04-08	no	Critical	Cumulative Security Update for Internet Explorer	IE 5.01 SP4, IE 6 SP1, IE 6, IE 7
MS08-025	941693	2008-04-08	no	Important	Vulnerability in Windows Kernel Could Allow Elevation of Privilege	Windows 2000 SP4 → Vista SP1
MS08-026	951207	2008-05-13	no	Critical	Vulnerabilities in Microsoft Word Could Allow Remote Code Execution	Word 2000/2002/2003 (Word 2003 SP2/SP3 = KB950241)
MS08-028	950749	2008-05-13	no	Critical	Vulnerability in Microsoft Jet Database Engine Could Allow Remote Code Execution	Windows 2000 SP4, XP SP2, Server 2003 (Jet 4.0)
MS08-031	950759	2008-06-10	no	Critical	Cumulative Security Update for Internet Explorer	IE 5.01 SP4, IE 6, IE 7
MS08-033	951698	2008-06-10	no	Critical	Vulnerabilities in DirectX Could Allow Remote Code Execution	Windows 2000/XP/2003/Vista, DirectX 7.0–9.0c
MS08-037	953230	2008-07-08	no	Important	Vulnerabilities in DNS Could Allow Spoofing	Windows 2000 SP4 / Server SP4, XP SP2/SP3, Server 2003
MS08-043	954066	2008-08-12	no	Critical	Vulnerabilities in Microsoft Excel Could Allow Remote Code Execution	Excel 2000 (KB951582), 2002 (KB951551), 2003 SP2 (KB951548), 2007
MS08-052	954593	2008-09-09	no	Critical	Vulnerabilities in GDI+ Could Allow Remote Code Execution	XP SP2/SP3, Server 2003, Vista, Office
MS08-067	958644	2008-10-23	yes	Critical	Vulnerability in Server Service Could Allow Remote Code Execution	Windows 2000 SP4, XP SP2/SP3, XP x64, Server 2003 SP1/SP2 (Important on Vista/2008)
MS08-068	957097	2008-11-11	no	Important	Vulnerability in SMB Could Allow Remote Code Execution	Windows 2000 SP4, XP SP2/SP3, Server 2003, Vista
MS08-069	955218	2008-11-11	no	Critical	Vulnerabilities in Microsoft XML Core Services Could Allow Remote Code Execution	MSXML 3.0 (KB955069), 4.0 (KB954430), 6.0 (KB954459)
MS08-071	956802	2008-12-09	no	Critical	Vulnerabilities in GDI Could Allow Remote Code Execution	Windows 2000 SP4, XP SP2/SP3, Server 2003, Vista
MS08-073	958215	2008-12-09	no	Critical	Cumulative Security Update for Internet Explorer	IE 5.01 SP4, IE 6, IE 7
MS08-078	960714	2008-12-17	yes	Critical	Security Update for Internet Explorer	IE 5.01 SP4 → IE 7`;
