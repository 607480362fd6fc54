<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>DateRangeDialog</name>
    <message>
        <source>Filter by Date</source>
        <extracomment>Actors listed in the Filter menu itself; with more, self.tr(&quot;Other Actor…&quot;) asks for one. Which table rows are shown; None when nothing is filtered.</extracomment>
        <translation>Nach Datum filtern</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Bis:</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show only some events: by kind, actor, status, claim, tag, date</source>
        <translation>Nur manche Ereignisse zeigen: nach Art, Akteur, Status, Behauptung, Schlagwort, Datum</translation>
    </message>
    <message>
        <source>Filters chosen</source>
        <translation>Gewählte Filter</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <extracomment>The date range dialog while it is open.</extracomment>
        <translation>Filter aufheben</translation>
    </message>
    <message>
        <source>Remove this filter:</source>
        <translation>Diesen Filter entfernen:</translation>
    </message>
    <message>
        <source>Remove filter {0}</source>
        <translation>Filter {0} entfernen</translation>
    </message>
    <message>
        <source>Showing {0} of {1} events</source>
        <translation>{0} von {1} Ereignissen</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Actor (taking part or quoted)</source>
        <translation>A&amp;kteur (beteiligt oder zitiert)</translation>
    </message>
    <message>
        <source>Other Actor…</source>
        <translation>Anderer Akteur…</translation>
    </message>
    <message>
        <source>&amp;Claim</source>
        <translation>&amp;Behauptung</translation>
    </message>
    <message>
        <source>{0} claims</source>
        <translation>Behauptungen: {0}</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>&amp;Schlagwort</translation>
    </message>
    <message>
        <source>Has My Notes</source>
        <translation>Mit meinen Notizen</translation>
    </message>
    <message>
        <source>&amp;Date Range…</source>
        <translation>&amp;Zeitraum…</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>Filter &amp;aufheben</translation>
    </message>
    <message>
        <source>Filter by Actor</source>
        <translation>Nach Akteur filtern</translation>
    </message>
    <message>
        <source>Actor:</source>
        <translation>Akteur:</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find in events, quotes, actors and my notes</source>
        <translation>In Ereignissen, Zitaten, Akteuren und meinen Notizen suchen</translation>
    </message>
    <message>
        <source>Clear the query</source>
        <translation>Suchbegriff löschen</translation>
    </message>
    <message>
        <source>Every word must match; case and accents do not matter.
Enter: next match, Shift+Enter: previous, Escape: close</source>
        <translation>Jedes Wort muss vorkommen; Groß- und Kleinschreibung und Akzente zählen nicht.
Eingabe: nächster Treffer, Umschalt+Eingabe: vorheriger, Esc: schließen</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Preparing search… {0}%</source>
        <translation>Suche wird vorbereitet… {0} %</translation>
    </message>
    <message>
        <source>Close the find bar (Escape)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
    <message>
        <source>Fi&amp;nd:</source>
        <translation>&amp;Suchen:</translation>
    </message>
</context>
<context>
    <name>FindController</name>
    <message>
        <source>Preparing search… {0}%</source>
        <extracomment>How long one slice of searching may hold the event loop (seconds). How often a long search shows what it has so far (seconds). The parts of an event a result row shows (the rest are counted). The results (or the progress) changed. The selected event changed: it may be another result, or none. The next selection is the first result of a query as it is typed. Table rows of the matching events, in time order. How much of the text index is built while it is (0..1), else None. The events searched (by table row), or None for all.</extracomment>
        <translation>Suche wird vorbereitet… {0} %</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>1{0} match</source>
        <translation>1{0} Treffer</translation>
    </message>
    <message>
        <source>{0}{1} matches</source>
        <translation>{0}{1} Treffer</translation>
    </message>
    <message>
        <source>{0} of {1}{2}</source>
        <translation>{0} von {1}{2}</translation>
    </message>
</context>
<context>
    <name>FindResults</name>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Event details</source>
        <extracomment>The timeline&apos;s own keys (not menu actions), for Help &gt; Keyboard Shortcuts.</extracomment>
        <translation>Ereignis im Detail</translation>
    </message>
    <message>
        <source>Quotes by actor</source>
        <translation>Zitate nach Akteur</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>Meine Notizen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Export Image…</source>
        <translation>Bild &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;Notes…</source>
        <translation>&amp;Notizen exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Copy Citation</source>
        <translation>Zitat mit Quelle &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy Citation as &amp;Markdown</source>
        <translation>Zitat mit Quelle als &amp;Markdown kopieren</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>&amp;Notiz hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation>&amp;Alles zeigen</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vorwärts</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>As the System</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Next &amp;Panel</source>
        <translation>Nächster &amp;Bereich</translation>
    </message>
    <message>
        <source>Previous Pane&amp;l</source>
        <translation>&amp;Vorheriger Bereich</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About timeline-viewer</source>
        <translation>&amp;Über timeline-viewer</translation>
    </message>
    <message>
        <source>The language changes when the app next starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start.</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Clear the notes filter</source>
        <extracomment>How often the window looks whether another window or command changed the notes. A change done, undone or redone, in words for the status bar. What the reader should know about saving; &quot;&quot; when everything is on disk. Something the reader must be told once (a database moved aside meanwhile). Stores of timelines left while their changes could not be written. The dialog being shown, if any (tests drive it).</extracomment>
        <translation>Notizfilter löschen</translation>
    </message>
</context>
<context>
    <name>QuotesPanel</name>
    <message>
        <source>Quotes</source>
        <extracomment>self.tr(&quot;Copy Citation&quot;) on a quote: its id, and whether as Markdown. A quote was clicked or activated: its id (its event is selected first). Where self.tr(&quot;Add Note…&quot;) in the quote&apos;s context menu goes.</extracomment>
        <translation>Zitate</translation>
    </message>
    <message>
        <source>Speakers</source>
        <extracomment>Opens a source&apos;s web address; replace it to intercept (tests do).</extracomment>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Choose a speaker to list their quotes</source>
        <translation>Einen Sprecher wählen, um seine Zitate zu sehen</translation>
    </message>
    <message>
        <source>Filter quotes</source>
        <translation>Zitate filtern</translation>
    </message>
    <message>
        <source>Filter quotes…</source>
        <translation>Zitate filtern…</translation>
    </message>
    <message>
        <source>Clear the quote filter</source>
        <translation>Zitatfilter löschen</translation>
    </message>
    <message>
        <source>Quotes of the chosen speaker</source>
        <translation>Zitate des gewählten Sprechers</translation>
    </message>
    <message>
        <source>&amp;Speakers</source>
        <translation>S&amp;precher</translation>
    </message>
    <message>
        <source>&amp;Quotes</source>
        <translation>&amp;Zitate</translation>
    </message>
    <message>
        <source>No quotes match “{0}”.</source>
        <translation>Kein Zitat passt zu „{0}“.</translation>
    </message>
    <message>
        <source>Copy Citation</source>
        <translation>Zitat mit Quelle kopieren</translation>
    </message>
    <message>
        <source>Copy Citation as Markdown</source>
        <translation>Zitat mit Quelle als Markdown kopieren</translation>
    </message>
    <message>
        <source>Open Source</source>
        <translation>Quelle öffnen</translation>
    </message>
    <message>
        <source>Add Note…</source>
        <translation>Notiz hinzufügen…</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>January</source>
        <translation>Januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>März</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Dezember</translation>
    </message>
    <message>
        <source>exact to the year</source>
        <extracomment>How precisely a date is known, for each precision: exact, approximate, open-ended.</extracomment>
        <translation>auf das Jahr genau</translation>
    </message>
    <message>
        <source>to the year, approximate</source>
        <translation>auf das Jahr, ungefähr</translation>
    </message>
    <message>
        <source>exact to the year, open-ended</source>
        <translation>auf das Jahr genau, ohne Ende</translation>
    </message>
    <message>
        <source>exact to the month</source>
        <translation>auf den Monat genau</translation>
    </message>
    <message>
        <source>to the month, approximate</source>
        <translation>auf den Monat, ungefähr</translation>
    </message>
    <message>
        <source>exact to the month, open-ended</source>
        <translation>auf den Monat genau, ohne Ende</translation>
    </message>
    <message>
        <source>exact to the week</source>
        <translation>auf die Woche genau</translation>
    </message>
    <message>
        <source>to the week, approximate</source>
        <translation>auf die Woche, ungefähr</translation>
    </message>
    <message>
        <source>exact to the week, open-ended</source>
        <translation>auf die Woche genau, ohne Ende</translation>
    </message>
    <message>
        <source>exact to the day</source>
        <translation>auf den Tag genau</translation>
    </message>
    <message>
        <source>to the day, approximate</source>
        <translation>auf den Tag, ungefähr</translation>
    </message>
    <message>
        <source>exact to the day, open-ended</source>
        <translation>auf den Tag genau, ohne Ende</translation>
    </message>
    <message>
        <source>exact to the minute</source>
        <translation>auf die Minute genau</translation>
    </message>
    <message>
        <source>to the minute, approximate</source>
        <translation>auf die Minute, ungefähr</translation>
    </message>
    <message>
        <source>exact to the minute, open-ended</source>
        <translation>auf die Minute genau, ohne Ende</translation>
    </message>
    <message>
        <source>around {}</source>
        <extracomment>What a date is said to be, and how: as it is, approximately, or from it on.</extracomment>
        <translation>ca. {}</translation>
    </message>
    <message>
        <source>from {} on</source>
        <translation>ab {}</translation>
    </message>
    <message>
        <source>week of {}</source>
        <translation>Woche vom {}</translation>
    </message>
    <message>
        <source>around the week of {}</source>
        <translation>ca. in der Woche vom {}</translation>
    </message>
    <message>
        <source>from the week of {} on</source>
        <translation>ab der Woche vom {}</translation>
    </message>
    <message>
        <source>weeks of {}</source>
        <translation>Wochen vom {}</translation>
    </message>
    <message>
        <source>around the weeks of {}</source>
        <translation>ca. in den Wochen vom {}</translation>
    </message>
    <message>
        <source>from the weeks of {} on</source>
        <translation>ab den Wochen vom {}</translation>
    </message>
    <message>
        <source>weekend of {}</source>
        <translation>Wochenende {}</translation>
    </message>
    <message>
        <source>around the weekend of {}</source>
        <translation>ca. am Wochenende {}</translation>
    </message>
    <message>
        <source>from the weekend of {} on</source>
        <translation>ab dem Wochenende {}</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day}. {month} {year}</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <translation>{day}. {month}</translation>
    </message>
    <message>
        <source>{first}–{last} {month} {year}</source>
        <extracomment>Two days of one month: 4-5 June 2025 (an en dash between the days).</extracomment>
        <translation>{first}.–{last}. {month} {year}</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <source>around mid-{}</source>
        <translation>ca. Mitte {}</translation>
    </message>
</context>
<context>
    <name>filters</name>
    <message>
        <source>Kind: {}</source>
        <extracomment>Bit ``1 &lt;&lt; i`` for each verification ``_VERIFICATIONS[i]`` among the claims. The table rows of each actor&apos;s events, sorted, each once. Tags as the reader wrote them; compared without case. Events that overlap ``[start, end)`` (UTC seconds); None: no bound.</extracomment>
        <translation>Art: {}</translation>
    </message>
    <message>
        <source>Status: {}</source>
        <translation>Status: {}</translation>
    </message>
    <message>
        <source>Actor: {}</source>
        <translation>Akteur: {}</translation>
    </message>
    <message>
        <source>Claim: {}</source>
        <translation>Aussage: {}</translation>
    </message>
    <message>
        <source>Tag: #{}</source>
        <translation>Schlagwort: #{}</translation>
    </message>
    <message>
        <source>Has my notes</source>
        <translation>Mit meinen Notizen</translation>
    </message>
    <message>
        <source>From {}</source>
        <translation>Ab {}</translation>
    </message>
    <message>
        <source>Until {}</source>
        <translation>Bis {}</translation>
    </message>
</context>
<context>
    <name>names</name>
    <message>
        <source>Call</source>
        <translation>Telefonat</translation>
    </message>
    <message>
        <source>Attack</source>
        <translation>Angriff</translation>
    </message>
    <message>
        <source>Talks</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Treffen</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Sanctions</source>
        <translation>Sanktionen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Calls</source>
        <extracomment>A kind as a lane and the legend name its events (&quot;Calls&quot;).</extracomment>
        <translation>Telefonate</translation>
    </message>
    <message>
        <source>Attacks</source>
        <translation>Angriffe</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Treffen</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Erklärungen</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Geschehen</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>Angekündigt</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>Demanded</source>
        <translation>Gefordert</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Unbestätigt</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Umstritten</translation>
    </message>
</context>
</TS>
