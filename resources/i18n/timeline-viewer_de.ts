<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <source>About timeline-viewer</source>
        <translation>Über timeline-viewer</translation>
    </message>
    <message>
        <source>Events, claims with their sources and verification, quotes per actor, and dates with their honest uncertainty.</source>
        <translation>Ereignisse, Behauptungen mit ihren Quellen und ihrer Überprüfung, Zitate nach Akteur und Datumsangaben mit ihrer ehrlichen Unsicherheit.</translation>
    </message>
</context>
<context>
    <name>ActorListModel</name>
    <message>
        <source>Person</source>
        <extracomment>An actor who is a person.</extracomment>
        <translation>Person</translation>
    </message>
    <message>
        <source>Organisation</source>
        <extracomment>An actor that is an organisation (party, agency, company, …).</extracomment>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>State</source>
        <extracomment>An actor that is a state (a country, as a political actor).</extracomment>
        <translation>Staat</translation>
    </message>
    <message>
        <source>1 quote</source>
        <translation>1 Zitat</translation>
    </message>
    <message numerus="yes">
        <source>%n quotes</source>
        <extracomment>How many quotes a speaker has (or all of them have); never 1.</extracomment>
        <translation>
            <numerusform>%n Zitat</numerusform>
            <numerusform>%n Zitate</numerusform>
        </translation>
    </message>
    <message>
        <source>All speakers ({0})</source>
        <extracomment>The first row of the speakers list; {0} is e.g. &quot;120 quotes&quot;.</extracomment>
        <translation>Alle Sprecher ({0})</translation>
    </message>
    <message>
        <source>All speakers</source>
        <translation>Alle Sprecher</translation>
    </message>
    <message>
        <source>The quotes of every speaker, in date order</source>
        <translation>Die Zitate aller Sprecher, nach Datum geordnet</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <source>1 event changed since you last looked: View ▸ Changes lists it.</source>
        <translation>1 Ereignis hat sich seit Ihrem letzten Blick geändert: Ansicht ▸ Änderungen zeigt es.</translation>
    </message>
    <message>
        <source>{0} events changed since you last looked: View ▸ Changes lists them.</source>
        <translation>{0} Ereignisse haben sich seit Ihrem letzten Blick geändert: Ansicht ▸ Änderungen zeigt sie.</translation>
    </message>
    <message>
        <source>What you last saw of this timeline cannot be kept: {0}</source>
        <translation>Was Sie zuletzt von dieser Zeitleiste gesehen haben, kann nicht gespeichert werden: {0}</translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <source>Changes since you last looked</source>
        <translation>Änderungen seit Ihrem letzten Blick</translation>
    </message>
    <message>
        <source>What changed</source>
        <extracomment>The Changes list&apos;s (hidden) column header, for screen readers.</extracomment>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <source>Mark All as S&amp;een</source>
        <translation>Alle als &amp;gesehen markieren</translation>
    </message>
    <message>
        <source>No changes since you last looked.</source>
        <translation>Keine Änderungen seit Ihrem letzten Blick.</translation>
    </message>
    <message>
        <source>New: {0}</source>
        <extracomment>In the Changes list: an event that is new since the reader last looked.</extracomment>
        <translation>Neu: {0}</translation>
    </message>
    <message>
        <source>Changed: {0}</source>
        <extracomment>In the Changes list: an event changed since the reader last looked.</extracomment>
        <translation>Geändert: {0}</translation>
    </message>
    <message>
        <source>Removed: {0}</source>
        <extracomment>In the Changes list: an event no longer in the timeline (listed greyed).</extracomment>
        <translation>Entfernt: {0}</translation>
    </message>
    <message>
        <source>{0} new, {1} changed, {2} removed events; {3} quotes changed</source>
        <extracomment>Above the Changes list: {0} new, {1} changed, {2} removed events; {3} quotes.</extracomment>
        <translation>Ereignisse: {0} neu, {1} geändert, {2} entfernt; Zitate: {3} geändert</translation>
    </message>
</context>
<context>
    <name>Citations</name>
    <message>
        <source>the quote of {0}</source>
        <translation>das Zitat von {0}</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <extracomment>An event&apos;s title, in quotation marks, in &quot;Copied the citation of {0}.&quot;</extracomment>
        <translation>„{0}“</translation>
    </message>
    <message>
        <source>Select an event or a quote to copy its citation.</source>
        <translation>Zuerst ein Ereignis oder ein Zitat auswählen, um die Quellenangabe zu kopieren.</translation>
    </message>
    <message>
        <source>Copied the citation of {0} as Markdown.</source>
        <translation>Quellenangabe für {0} als Markdown kopiert.</translation>
    </message>
    <message>
        <source>Copied the citation of {0}.</source>
        <translation>Quellenangabe für {0} kopiert.</translation>
    </message>
</context>
<context>
    <name>ClusterMenu</name>
    <message>
        <source>Zoom In on These Events</source>
        <translation>Auf diese Ereignisse zoomen</translation>
    </message>
    <message>
        <source>{0} More</source>
        <extracomment>A submenu listing the events left out above; {0} is how many.</extracomment>
        <translation>{0} weitere</translation>
    </message>
</context>
<context>
    <name>DateRangeDialog</name>
    <message>
        <source>Filter by Date</source>
        <translation>Nach Datum filtern</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation>d. MMMM yyyy</translation>
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
    <name>DetailsPanel</name>
    <message>
        <source>Select an event on the timeline or in the table.</source>
        <extracomment>Shown in the details pane while no event is selected.</extracomment>
        <translation>Ein Ereignis auf der Zeitleiste oder in der Tabelle auswählen.</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>Ereignisdetails</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>{0} is shown already.</source>
        <extracomment>Adding a file that is shown already; {0} is its name.</extracomment>
        <translation>{0} wird bereits angezeigt.</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>Column header: the kind of event (Call, Meeting, …).</extracomment>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Beteiligte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notes</source>
        <extracomment>Column header: how many of the reader&apos;s own notes an event has.</extracomment>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>new or changed since you last looked</source>
        <extracomment>A title cell&apos;s description for a screen reader: the event changed lately.</extracomment>
        <translation>neu oder geändert seit Ihrem letzten Blick</translation>
    </message>
    <message>
        <source>Timeline: {0}</source>
        <extracomment>In a tooltip, with several timelines shown: the one an event is from.</extracomment>
        <translation>Zeitleiste: {0}</translation>
    </message>
    <message>
        <source>1 note</source>
        <extracomment>An event&apos;s notes in the events table, as a screen reader reads the cell.</extracomment>
        <translation>1 Notiz</translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <extracomment>An event&apos;s notes in the events table, as a screen reader reads the cell; never 1.</extracomment>
        <translation>
            <numerusform>%n Notiz</numerusform>
            <numerusform>%n Notizen</numerusform>
        </translation>
    </message>
    <message>
        <source>Source wording: {0}</source>
        <extracomment>In a tooltip: the date as the source worded it.</extracomment>
        <translation>Wortlaut der Quelle: {0}</translation>
    </message>
</context>
<context>
    <name>EventsTable</name>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>All events; sort by clicking a column header, or with Sort By in the context menu</source>
        <translation>Alle Ereignisse; zum Sortieren auf eine Spaltenüberschrift klicken oder im Kontextmenü „Sortieren nach“ wählen</translation>
    </message>
    <message>
        <source>Select all (off: one event at a time)</source>
        <extracomment>The table&apos;s (disabled) corner button, for screen readers.</extracomment>
        <translation>Alle auswählen (deaktiviert: immer nur ein Ereignis)</translation>
    </message>
    <message>
        <source>Columns: click one to sort by it</source>
        <extracomment>The table&apos;s column headers, for screen readers.</extracomment>
        <translation>Spalten: zum Sortieren auf eine klicken</translation>
    </message>
    <message>
        <source>Rows</source>
        <extracomment>The table&apos;s (hidden) row headers, for screen readers.</extracomment>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>No events in this timeline</source>
        <translation>Keine Ereignisse in dieser Zeitleiste</translation>
    </message>
    <message>
        <source>No event matches the filter</source>
        <translation>Kein Ereignis passt zum Filter</translation>
    </message>
    <message>
        <source>Sort &amp;By</source>
        <translation>Sortieren &amp;nach</translation>
    </message>
    <message>
        <source>&amp;Ascending</source>
        <translation>&amp;Aufsteigend</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>Ab&amp;steigend</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>the end of the range must come after its start</source>
        <translation>das Ende des Zeitraums muss nach seinem Anfang liegen</translation>
    </message>
    <message>
        <source>the height must be at least {0} pixels: less leaves no room for lanes</source>
        <extracomment>{0} is the least height in pixels, such as 320.</extracomment>
        <translation>die Höhe muss mindestens {0} Pixel betragen: weniger lässt keinen Platz für Spuren</translation>
    </message>
    <message>
        <source>cannot export to {0}: use .png, .svg or .pdf</source>
        <extracomment>{0} is the file name&apos;s suffix asked for, such as &quot;.gif&quot;.</extracomment>
        <translation>Export als {0} nicht möglich: .png, .svg oder .pdf verwenden</translation>
    </message>
    <message>
        <source>cannot export to a file without suffix: use .png, .svg or .pdf</source>
        <translation>Export in eine Datei ohne Endung nicht möglich: .png, .svg oder .pdf verwenden</translation>
    </message>
    <message>
        <source>the width must be at least 400 pixels</source>
        <translation>die Breite muss mindestens 400 Pixel betragen</translation>
    </message>
    <message>
        <source>Shown: {0}</source>
        <extracomment>Above an exported picture: the time span it shows.</extracomment>
        <translation>Zeitraum: {0}</translation>
    </message>
    <message>
        <source>Filter: {0}</source>
        <extracomment>Above an exported picture: the filter chosen, such as &quot;Kind: Talks, Status: Occurred&quot;.</extracomment>
        <translation>Filter: {0}</translation>
    </message>
    <message>
        <source>Sources:</source>
        <extracomment>Under an exported picture: the heading of the list of the timeline&apos;s sources.</extracomment>
        <translation>Quellen:</translation>
    </message>
    <message>
        <source>could not write {0}</source>
        <extracomment>{0} is the path of the file that could not be written.</extracomment>
        <translation>{0} konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>ExportImageDialog</name>
    <message>
        <source>Export Image</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <source>PNG picture</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG-Zeichnung</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>&amp;Breite:</translation>
    </message>
    <message>
        <source>The time &amp;shown now</source>
        <translation>&amp;Jetzt angezeigter Zeitraum</translation>
    </message>
    <message>
        <source>All events the filter &amp;keeps</source>
        <translation>Alle vom Filter be&amp;haltenen Ereignisse</translation>
    </message>
    <message>
        <source>&amp;All events</source>
        <translation>&amp;Alle Ereignisse</translation>
    </message>
    <message>
        <source>Span:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;Mark the selected event</source>
        <translation>Ausgewähltes Ereignis &amp;markieren</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Export Image</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation>SVG (*.svg)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>Notizen exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;W3C Web Annotations (*.jsonld *.json)</source>
        <translation>Markdown (*.md);;W3C Web Annotations (*.jsonld *.json)</translation>
    </message>
    <message>
        <source>Notes not exported</source>
        <translation>Notizen nicht exportiert</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>{0} kann nicht geschrieben werden: {1}</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>{0} konnte nicht geschrieben werden: {1}</translation>
    </message>
    <message>
        <source>Exported 1 note to {1}; those of the added timelines to {2}.</source>
        <extracomment>{1} is the file the notes went to; {2} lists the files (one per timeline added over the open one) that those timelines&apos; notes went to.</extracomment>
        <translation>1 Notiz nach {1} exportiert, die der hinzugefügten Zeitleisten nach {2}.</translation>
    </message>
    <message>
        <source>Exported {0} notes to {1}; those of the added timelines to {2}.</source>
        <translation>{0} Notizen nach {1} exportiert, die der hinzugefügten Zeitleisten nach {2}.</translation>
    </message>
    <message>
        <source>Exported 1 note to {1}.</source>
        <translation>1 Notiz nach {1} exportiert.</translation>
    </message>
    <message>
        <source>Exported {0} notes to {1}.</source>
        <translation>{0} Notizen nach {1} exportiert.</translation>
    </message>
    <message>
        <source>Export as TimelineJS</source>
        <translation>Als TimelineJS exportieren</translation>
    </message>
    <message>
        <source>TimelineJS (*.json)</source>
        <translation>TimelineJS (*.json)</translation>
    </message>
    <message>
        <source>TimelineJS not exported</source>
        <translation>TimelineJS nicht exportiert</translation>
    </message>
    <message>
        <source>it is the open timeline&apos;s own file</source>
        <translation>es ist die Datei der geöffneten Zeitleiste</translation>
    </message>
    <message>
        <source>The filter keeps no event: there is nothing to export.</source>
        <translation>Der Filter behält kein Ereignis: Es gibt nichts zu exportieren.</translation>
    </message>
    <message>
        <source>This timeline has no events: there is nothing to export.</source>
        <translation>Diese Zeitleiste hat keine Ereignisse: Es gibt nichts zu exportieren.</translation>
    </message>
    <message>
        <source>Exported 1 event to {1} as TimelineJS.</source>
        <translation>1 Ereignis als TimelineJS nach {1} exportiert.</translation>
    </message>
    <message>
        <source>Exported {0} events to {1} as TimelineJS.</source>
        <translation>{0} Ereignisse als TimelineJS nach {1} exportiert.</translation>
    </message>
    <message>
        <source>The filter keeps no event: there is nothing to draw.</source>
        <translation>Der Filter behält kein Ereignis: Es gibt nichts zu zeichnen.</translation>
    </message>
    <message>
        <source>This timeline has no events: there is nothing to draw.</source>
        <translation>Diese Zeitleiste hat keine Ereignisse: Es gibt nichts zu zeichnen.</translation>
    </message>
    <message>
        <source>Hidden: {0}</source>
        <translation>Ausgeblendet: {0}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exported the timeline to {0}.</source>
        <translation>Zeitleiste nach {0} exportiert.</translation>
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
        <translation>Nur bestimmte Ereignisse anzeigen: nach Art, Akteur, Status, Behauptung, Schlagwort, Datum</translation>
    </message>
    <message>
        <source>Clear Filters</source>
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
        <translation>{0} von {1} Ereignissen angezeigt</translation>
    </message>
    <message>
        <source>Showing all {0} events</source>
        <translation>Alle {0} Ereignisse angezeigt</translation>
    </message>
    <message>
        <source>Hidden: {0}</source>
        <extracomment>A chip for a timeline the reader hid; {0} is its title.</extracomment>
        <translation>Ausgeblendet: {0}</translation>
    </message>
    <message>
        <source>Show this timeline again:</source>
        <translation>Diese Zeitleiste wieder einblenden:</translation>
    </message>
    <message>
        <source>Show the timeline {0} again</source>
        <translation>Die Zeitleiste {0} wieder einblenden</translation>
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
        <source>Source &amp;Reliability</source>
        <translation>&amp;Quellenzuverlässigkeit</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>Schlag&amp;wort</translation>
    </message>
    <message>
        <source>Has &amp;My Notes</source>
        <translation>&amp;Mit meinen Notizen</translation>
    </message>
    <message>
        <source>C&amp;hanged Since I Last Looked</source>
        <translation>Seit meinem letzten Blick &amp;geändert</translation>
    </message>
    <message>
        <source>&amp;Date Range…</source>
        <translation>&amp;Zeitraum…</translation>
    </message>
    <message>
        <source>Clear &amp;Filters</source>
        <translation>Filter auf&amp;heben</translation>
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
{0}: next match, {1}: previous, {2}: close</source>
        <extracomment>The find field&apos;s tooltip; {0}, {1} and {2} are keys (Enter, Shift+Enter, Escape).</extracomment>
        <translation>Jedes Wort muss vorkommen; Groß-/Kleinschreibung und Akzente spielen keine Rolle.
{0}: nächster Treffer, {1}: vorheriger, {2}: schließen</translation>
    </message>
    <message>
        <source>Previous match ({0})</source>
        <translation>Vorheriger Treffer ({0})</translation>
    </message>
    <message>
        <source>Next match ({0})</source>
        <translation>Nächster Treffer ({0})</translation>
    </message>
    <message>
        <source>Close the find bar ({0})</source>
        <translation>Suchleiste schließen ({0})</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
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
    <name>GoToDateDialog</name>
    <message>
        <source>Go to Date</source>
        <translation>Zu Datum gehen</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>The timeline runs from {0} to {1}.</source>
        <translation>Die Zeitleiste reicht vom {0} bis zum {1}.</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>Type a day, such as {0} or 2025-06-02.</source>
        <extracomment>{0} is an example of a day as the app writes it.</extracomment>
        <translation>Einen Tag eingeben, etwa {0} oder 2025-06-02.</translation>
    </message>
    <message>
        <source>Showing {0}</source>
        <translation>Angezeigt: {0}</translation>
    </message>
</context>
<context>
    <name>GradeDialog</name>
    <message>
        <source>Grade</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Remove My Grade</source>
        <translation>Meine Bewertung &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>&amp;Information:</source>
        <translation>&amp;Information:</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Begründung:</translation>
    </message>
</context>
<context>
    <name>Imports</name>
    <message>
        <source>Timeline model files (*.json *.json.gz);;All files (*)</source>
        <extracomment>The Open dialog&apos;s file types: translate the names; keep the patterns in parentheses and the &quot;;;&quot; between the types.</extracomment>
        <translation>Zeitleistendateien (*.json *.json.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Re&amp;move Added Timeline</source>
        <translation>Hinzugefügte Zeitleiste en&amp;tfernen</translation>
    </message>
    <message>
        <source>Open Timeline</source>
        <translation>Zeitleiste öffnen</translation>
    </message>
    <message>
        <source>Import Timeline</source>
        <translation>Zeitleiste importieren</translation>
    </message>
    <message>
        <source>Add Timeline</source>
        <translation>Zeitleiste hinzufügen</translation>
    </message>
    <message>
        <source>{0} is no longer there.</source>
        <translation>{0} ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>TimelineJS timelines (*.json *.csv *.xlsx)</source>
        <translation>TimelineJS-Zeitleisten (*.json *.csv *.xlsx)</translation>
    </message>
    <message>
        <source>ACLED exports (*.csv)</source>
        <translation>ACLED-Exporte (*.csv)</translation>
    </message>
    <message>
        <source>{0} is no longer shown over this timeline: {1}</source>
        <translation>{0} wird nicht mehr über dieser Zeitleiste angezeigt: {1}</translation>
    </message>
    <message>
        <source>Also showing “{0}” (1 event), as last time.</source>
        <translation>Wie beim letzten Mal wird auch „{0}“ angezeigt (1 Ereignis).</translation>
    </message>
    <message>
        <source>Also showing “{0}” ({1} events), as last time.</source>
        <translation>Wie beim letzten Mal wird auch „{0}“ angezeigt ({1} Ereignisse).</translation>
    </message>
    <message>
        <source>Added “{0}”: 1 event. View ▸ Timelines shows or hides it.</source>
        <translation>„{0}“ hinzugefügt: 1 Ereignis. Unter Ansicht ▸ Zeitleisten lässt sie sich ein- und ausblenden.</translation>
    </message>
    <message>
        <source>Added “{0}”: {1} events. View ▸ Timelines shows or hides it.</source>
        <translation>„{0}“ hinzugefügt: {1} Ereignisse. Unter Ansicht ▸ Zeitleisten lässt sie sich ein- und ausblenden.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>{0} kann nicht gelesen werden: {1}</translation>
    </message>
    <message>
        <source>{0} is an imported timeline already: open it instead.</source>
        <translation>{0} ist bereits eine importierte Zeitleiste und kann direkt geöffnet werden.</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>{0} kann nicht geschrieben werden: {1}</translation>
    </message>
    <message>
        <source>Imported 1 event from {1}.</source>
        <translation>1 Ereignis aus {1} importiert.</translation>
    </message>
    <message>
        <source>Imported {0} events from {1}.</source>
        <translation>{0} Ereignisse aus {1} importiert.</translation>
    </message>
    <message>
        <source>Imported 1 event from {1}; {2} left out or changed.</source>
        <translation>1 Ereignis aus {1} importiert; {2} ausgelassen oder geändert.</translation>
    </message>
    <message>
        <source>Imported {0} events from {1}; {2} left out or changed.</source>
        <translation>{0} Ereignisse aus {1} importiert; {2} ausgelassen oder geändert.</translation>
    </message>
    <message>
        <source>Imported with problems</source>
        <translation>Mit Problemen importiert</translation>
    </message>
    <message>
        <source>1 event was imported from {1}; {2} rows or parts were left out or changed.</source>
        <translation>1 Ereignis wurde aus {1} importiert; {2} Zeilen oder Teile wurden ausgelassen oder geändert.</translation>
    </message>
    <message>
        <source>{0} events were imported from {1}; {2} rows or parts were left out or changed.</source>
        <translation>{0} Ereignisse wurden aus {1} importiert; {2} Zeilen oder Teile wurden ausgelassen oder geändert.</translation>
    </message>
</context>
<context>
    <name>LanesMenu</name>
    <message>
        <source>By &amp;Kind</source>
        <translation>Nach A&amp;rt</translation>
    </message>
    <message>
        <source>By &amp;Actor</source>
        <translation>Nach &amp;Akteur</translation>
    </message>
    <message>
        <source>By &amp;Tag</source>
        <translation>Nach &amp;Schlagwort</translation>
    </message>
    <message>
        <source>By Time&amp;line</source>
        <translation>Nach &amp;Zeitleiste</translation>
    </message>
    <message>
        <source>By &amp;Place</source>
        <translation>Nach &amp;Ort</translation>
    </message>
    <message>
        <source>&amp;Usual Order</source>
        <translation>&amp;Übliche Reihenfolge</translation>
    </message>
    <message>
        <source>&amp;Most Events First</source>
        <translation>&amp;Meiste Ereignisse zuerst</translation>
    </message>
    <message>
        <source>By &amp;Name</source>
        <translation>Nach &amp;Name</translation>
    </message>
    <message>
        <source>By &amp;First Event</source>
        <translation>Nach &amp;erstem Ereignis</translation>
    </message>
    <message>
        <source>La&amp;nes</source>
        <translation>Spu&amp;ren</translation>
    </message>
    <message>
        <source>Fol&amp;d</source>
        <extracomment>A lane of the ones shown, folded to its strip when checked.</extracomment>
        <translation>Ein&amp;klappen</translation>
    </message>
    <message>
        <source>Open All Lan&amp;es</source>
        <translation>A&amp;lle Spuren aufklappen</translation>
    </message>
    <message>
        <source>&amp;Reset Lane Order</source>
        <translation>Ursprüngliche Reihenfolge &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Fold All Lanes</source>
        <translation>Alle Spuren einklappen</translation>
    </message>
    <message>
        <source>{0} More</source>
        <extracomment>A submenu of the lanes left out above; {0} is how many.</extracomment>
        <translation>{0} weitere</translation>
    </message>
</context>
<context>
    <name>LateParts</name>
    <message>
        <source>Your notes</source>
        <translation>Ihre Notizen</translation>
    </message>
    <message>
        <source>Copy Citation</source>
        <translation>Quellenangabe kopieren</translation>
    </message>
    <message>
        <source>Copy Citation as Markdown</source>
        <translation>Quellenangabe als Markdown kopieren</translation>
    </message>
</context>
<context>
    <name>LayerBar</name>
    <message>
        <source>Show or hide the events of this timeline:</source>
        <translation>Die Ereignisse dieser Zeitleiste ein- oder ausblenden:</translation>
    </message>
    <message>
        <source>One timeline stays shown; this is the last:</source>
        <translation>Eine Zeitleiste bleibt sichtbar; dies ist die letzte:</translation>
    </message>
    <message>
        <source>Timelines shown</source>
        <extracomment>The row&apos;s name for screen readers.</extracomment>
        <translation>Angezeigte Zeitleisten</translation>
    </message>
    <message>
        <source>Timelines:</source>
        <translation>Zeitleisten:</translation>
    </message>
    <message>
        <source>Shows or hides this timeline&apos;s events</source>
        <translation>Blendet die Ereignisse dieser Zeitleiste ein oder aus</translation>
    </message>
</context>
<context>
    <name>LayersMenu</name>
    <message>
        <source>Ti&amp;melines</source>
        <translation>Zeitle&amp;isten</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>happened</source>
        <extracomment>Legend: a filled mark is an event that happened.</extracomment>
        <translation>stattgefunden</translation>
    </message>
    <message>
        <source>announced / proposed / demanded</source>
        <extracomment>Legend: an outlined mark is an event announced, proposed or demanded (not yet happened).</extracomment>
        <translation>angekündigt / vorgeschlagen / gefordert</translation>
    </message>
    <message>
        <source>approximate date</source>
        <extracomment>Legend: a hatched band is an event whose date is approximate.</extracomment>
        <translation>ungefähres Datum</translation>
    </message>
    <message>
        <source>publication date</source>
        <extracomment>Legend: a dashed line marks when a source was published.</extracomment>
        <translation>Veröffentlichungsdatum</translation>
    </message>
    <message>
        <source>today</source>
        <extracomment>Legend: a solid line marks the present day on the time axis.</extracomment>
        <translation>heute</translation>
    </message>
    <message>
        <source>has my notes</source>
        <extracomment>Legend: a small square on a mark says the reader has written notes on that event.</extracomment>
        <translation>mit meinen Notizen</translation>
    </message>
    <message>
        <source>changed since I looked</source>
        <extracomment>Legend: an amber ring marks an event new or changed since the reader last looked.</extracomment>
        <translation>seit meinem Blick geändert</translation>
    </message>
</context>
<context>
    <name>LegendBar</name>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
</context>
<context>
    <name>LegendChoice</name>
    <message>
        <source>The legend is hidden to give the timeline room: View ▸ Legend shows it.</source>
        <translation>Die Legende ist ausgeblendet, damit die Zeitleiste Platz hat: Ansicht ▸ Legende blendet sie ein.</translation>
    </message>
</context>
<context>
    <name>Load</name>
    <message>
        <source>could not be opened: {0}: {1}</source>
        <extracomment>A file that failed to load: {0} is the error&apos;s Python name, {1} what it said.</extracomment>
        <translation>konnte nicht geöffnet werden: {0}: {1}</translation>
    </message>
</context>
<context>
    <name>LoadErrorBox</name>
    <message>
        <source>Could not open timeline</source>
        <translation>Zeitleiste konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… und {0} weitere</translation>
    </message>
    <message>
        <source>Could not import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <source>Nothing could be imported from {0}:</source>
        <translation>Aus {0} konnte nichts importiert werden:</translation>
    </message>
    <message>
        <source>Could not add timeline</source>
        <translation>Zeitleiste konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>{0} cannot be shown over “{1}”:</source>
        <translation>{0} kann nicht über „{1}“ angezeigt werden:</translation>
    </message>
    <message>
        <source>{0} is not a timeline this app can open:

Still showing: {1}</source>
        <translation>{0} ist keine Zeitleiste, die diese App öffnen kann:

Weiterhin angezeigt: {1}</translation>
    </message>
    <message>
        <source>{0} is not a timeline this app can open:</source>
        <translation>{0} ist keine Zeitleiste, die diese App öffnen kann:</translation>
    </message>
</context>
<context>
    <name>LoadProgress</name>
    <message>
        <source>Opening progress</source>
        <translation>Fortschritt beim Öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop opening this file; the open timeline stays as it is</source>
        <translation>Öffnen dieser Datei abbrechen; die geöffnete Zeitleiste bleibt, wie sie ist</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>{0} wird importiert…</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>{0} wird geöffnet…</translation>
    </message>
    <message>
        <source>Stopped importing {0}.</source>
        <translation>Import von {0} abgebrochen.</translation>
    </message>
    <message>
        <source>Stopped opening {0}.</source>
        <translation>Öffnen von {0} abgebrochen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Event details</source>
        <translation>Ereignisdetails</translation>
    </message>
    <message>
        <source>Event &amp;details</source>
        <translation>Ereignis&amp;details</translation>
    </message>
    <message>
        <source>Quotes by actor</source>
        <translation>Zitate nach Akteur</translation>
    </message>
    <message>
        <source>&amp;Quotes by actor</source>
        <translation>&amp;Zitate nach Akteur</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>Meine Notizen</translation>
    </message>
    <message>
        <source>My note&amp;s</source>
        <translation>Meine &amp;Notizen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Search &amp;results</source>
        <translation>Suc&amp;hergebnisse</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>&amp;Changes</source>
        <translation>&amp;Änderungen</translation>
    </message>
    <message>
        <source>Reloaded {0}: the file changed on disk.</source>
        <translation>{0} neu geladen: Die Datei wurde auf dem Datenträger geändert.</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>Ihre Notizen</translation>
    </message>
    <message>
        <source>The language changes when the app next starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Open a TimelineJS timeline or an ACLED export, converted to a model file</source>
        <translation>Eine TimelineJS-Zeitleiste oder einen ACLED-Export in eine Modelldatei umwandeln und öffnen</translation>
    </message>
    <message>
        <source>&amp;Add Timeline…</source>
        <translation>Zeitleiste &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Show another timeline over this one (a model file, TimelineJS or ACLED)</source>
        <translation>Eine weitere Zeitleiste über dieser anzeigen (Modelldatei, TimelineJS oder ACLED)</translation>
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
        <source>Export as &amp;TimelineJS…</source>
        <translation>Als Timeline&amp;JS exportieren…</translation>
    </message>
    <message>
        <source>Write the events the filter keeps as a TimelineJS file to publish, grouped by the lanes shown</source>
        <translation>Die Ereignisse, die der Filter behält, als TimelineJS-Datei zum Veröffentlichen schreiben, nach den angezeigten Spuren gruppiert</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Print the events the filter keeps, on pages at the zoom shown</source>
        <translation>Die Ereignisse, die der Filter behält, seitenweise im angezeigten Maßstab drucken</translation>
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
        <translation>Quellenangabe &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy Citation as &amp;Markdown</source>
        <translation>Quellenangabe als &amp;Markdown kopieren</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>We&amp;itersuchen</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Rückwär&amp;ts suchen</translation>
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
        <translation>&amp;Alles anzeigen</translation>
    </message>
    <message>
        <source>Quote &amp;Translations</source>
        <translation>Zitat&amp;übersetzungen</translation>
    </message>
    <message>
        <source>Show each quote&apos;s translation beside the original</source>
        <translation>Die Übersetzung jedes Zitats neben dem Original anzeigen</translation>
    </message>
    <message>
        <source>Le&amp;gend</source>
        <translation>&amp;Legende</translation>
    </message>
    <message>
        <source>Show what the marks, colours and lines mean</source>
        <translation>Anzeigen, was die Markierungen, Farben und Linien bedeuten</translation>
    </message>
    <message>
        <source>Next &amp;Panel</source>
        <translation>Nächster &amp;Bereich</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Add Note…</source>
        <translation>&amp;Notiz hinzufügen…</translation>
    </message>
    <message>
        <source>Pre&amp;vious Panel</source>
        <translation>&amp;Vorheriger Bereich</translation>
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
        <source>Go to &amp;Date…</source>
        <translation>Zu &amp;Datum gehen…</translation>
    </message>
    <message>
        <source>Show a day in the middle of the timeline</source>
        <translation>Einen Tag in der Mitte der Zeitleiste anzeigen</translation>
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
        <source>Timeline: previous / next event</source>
        <translation>Zeitleiste: vorheriges / nächstes Ereignis</translation>
    </message>
    <message>
        <source>Timeline: first / last event</source>
        <translation>Zeitleiste: erstes / letztes Ereignis</translation>
    </message>
    <message>
        <source>Timeline: pan</source>
        <translation>Zeitleiste: verschieben</translation>
    </message>
    <message>
        <source>Timeline: zoom in / out</source>
        <translation>Zeitleiste: vergrößern / verkleinern</translation>
    </message>
    <message>
        <source>Timeline: read the selected event&apos;s details</source>
        <translation>Zeitleiste: Details des ausgewählten Ereignisses lesen</translation>
    </message>
    <message>
        <source>Timeline: the selected event&apos;s menu</source>
        <translation>Zeitleiste: Menü des ausgewählten Ereignisses</translation>
    </message>
    <message>
        <source>Timeline: open the nearest &quot;+N&quot; (or zoom into a count)</source>
        <translation>Zeitleiste: nächstgelegenes „+N“ öffnen (oder auf eine Zahl zoomen)</translation>
    </message>
    <message>
        <source>Timeline: no event selected</source>
        <translation>Zeitleiste: Auswahl aufheben</translation>
    </message>
    <message>
        <source>Find bar: next / previous match, close</source>
        <translation>Suchleiste: nächster / vorheriger Treffer, schließen</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>Weitere Menüs</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>As the System</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Timeline file:
{0}</source>
        <translation>Zeitleistendatei:
{0}</translation>
    </message>
</context>
<context>
    <name>ModelFile</name>
    <message>
        <source>is a folder, not a model file</source>
        <translation>ist ein Ordner, keine Modelldatei</translation>
    </message>
    <message>
        <source>is not a regular file (a device, pipe or socket)</source>
        <translation>ist keine gewöhnliche Datei (ein Gerät, eine Pipe oder ein Socket)</translation>
    </message>
    <message>
        <source>is {0}, over the {1} limit for model files</source>
        <extracomment>{0} is the file&apos;s size, {1} the largest a model file may be (such as &quot;1,024 MiB&quot;).</extracomment>
        <translation>ist {0} groß, über der Grenze von {1} für Modelldateien</translation>
    </message>
    <message>
        <source>is over the {0} limit for model files</source>
        <extracomment>{0} is the largest a model file may be (such as &quot;1,024 MiB&quot;).</extracomment>
        <translation>ist über der Grenze von {0} für Modelldateien</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <source>cannot be read: permission denied</source>
        <translation>kann nicht gelesen werden: keine Berechtigung</translation>
    </message>
    <message>
        <source>cannot be read: {0}</source>
        <extracomment>{0} is the system&apos;s reason, in English.</extracomment>
        <translation>kann nicht gelesen werden: {0}</translation>
    </message>
    <message>
        <source>is over the {0} limit for model files once uncompressed</source>
        <extracomment>{0} is the largest a model file may be (such as &quot;1,024 MiB&quot;): a gzip file whose JSON, once uncompressed, is larger.</extracomment>
        <translation>ist entpackt über der Grenze von {0} für Modelldateien</translation>
    </message>
    <message>
        <source>not a valid gzip file: {0}</source>
        <extracomment>{0} is the decompressor&apos;s own words, in English.</extracomment>
        <translation>keine gültige gzip-Datei: {0}</translation>
    </message>
    <message>
        <source>the gzip data ends too early, the file may be truncated</source>
        <translation>die gzip-Daten enden zu früh, die Datei ist vielleicht abgeschnitten</translation>
    </message>
    <message>
        <source>{0} bytes</source>
        <translation>{0} Byte</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>made by a newer version of timeline-viewer: the file is format {0}, this version reads up to {1}; update the app to open it</source>
        <extracomment>{0} is the file&apos;s format number, {1} the newest this version of the app reads.</extracomment>
        <translation>von einer neueren Version von timeline-viewer erstellt: die Datei hat Format {0}, diese Version liest bis Format {1}; zum Öffnen die App aktualisieren</translation>
    </message>
    <message>
        <source>not UTF-8 text: byte {0} at offset {1} (line {2}); save the file as UTF-8</source>
        <extracomment>{0} is a byte in hexadecimal (such as &quot;0xe4&quot;), {1} where it is, {2} its line.</extracomment>
        <translation>kein UTF-8-Text: Byte {0} an Position {1} (Zeile {2}); die Datei als UTF-8 speichern</translation>
    </message>
    <message>
        <source>the JSON ends too early, the file may be truncated ({0})</source>
        <extracomment>{0} is the JSON parser&apos;s own words, in English.</extracomment>
        <translation>das JSON endet zu früh, die Datei ist vielleicht abgeschnitten ({0})</translation>
    </message>
    <message>
        <source>not valid JSON: {0}</source>
        <extracomment>{0} is the JSON parser&apos;s own words, in English.</extracomment>
        <translation>kein gültiges JSON: {0}</translation>
    </message>
    <message>
        <source>is required but missing</source>
        <extracomment>After a field&apos;s JSON path, such as &quot;events[3].date&quot;.</extracomment>
        <translation>ist erforderlich, fehlt aber</translation>
    </message>
    <message>
        <source>is not a field of this format (a typo?); found {0}</source>
        <extracomment>After a field&apos;s JSON path; {0} is the value found, such as &quot;an object&quot;.</extracomment>
        <translation>ist kein Feld dieses Formats (ein Tippfehler?); gefunden: {0}</translation>
    </message>
    <message>
        <source>a model file must hold a JSON object at the top; found {0}</source>
        <extracomment>{0} is what the file holds instead, such as &quot;a list of 3&quot;.</extracomment>
        <translation>eine Modelldatei muss auf oberster Ebene ein JSON-Objekt enthalten; gefunden: {0}</translation>
    </message>
    <message>
        <source>must be one of {0}; found {1}</source>
        <extracomment>{0} lists the values allowed (such as &quot;&apos;call&apos;, &apos;meeting&apos; or &apos;other&apos;&quot;), {1} the one found.</extracomment>
        <translation>muss einer dieser Werte sein: {0}; gefunden: {1}</translation>
    </message>
    <message>
        <source>at most {0} characters, found {1}</source>
        <extracomment>{0} is the most characters a text may have, {1} how many it has.</extracomment>
        <translation>höchstens {0} Zeichen, gefunden: {1}</translation>
    </message>
    <message>
        <source>at most {0} entries, found {1}</source>
        <extracomment>{0} is the most entries a list may have, {1} how many it has.</extracomment>
        <translation>höchstens {0} Einträge, gefunden: {1}</translation>
    </message>
    <message>
        <source>an object</source>
        <extracomment>What a model file holds where something else belongs: a JSON object.</extracomment>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a list of {0}</source>
        <extracomment>What a model file holds where something else belongs: a JSON list of {0} items.</extracomment>
        <translation>eine Liste mit {0} Einträgen</translation>
    </message>
</context>
<context>
    <name>NoteActions</name>
    <message>
        <source>Note on {0}</source>
        <translation>Notiz zu „{0}“</translation>
    </message>
    <message>
        <source>Select an event first to add a note.</source>
        <translation>Zuerst ein Ereignis auswählen, um eine Notiz hinzuzufügen.</translation>
    </message>
    <message>
        <source>Note on {0} (detached: no longer in the timeline)</source>
        <translation>Notiz zu „{0}“ (losgelöst: nicht mehr in der Zeitleiste)</translation>
    </message>
    <message>
        <source>Your grade of {0}</source>
        <translation>Ihre Bewertung von „{0}“</translation>
    </message>
    <message>
        <source>Notes are read-only</source>
        <translation>Notizen sind schreibgeschützt</translation>
    </message>
    <message>
        <source>No timeline is open.</source>
        <translation>Keine Zeitleiste geöffnet.</translation>
    </message>
    <message>
        <source>Add Note…</source>
        <translation>Notiz hinzufügen…</translation>
    </message>
    <message>
        <source>Grade {0}</source>
        <extracomment>A link&apos;s description: {0} is what the reader grades (a source, a claim, an event).</extracomment>
        <translation>„{0}“ bewerten</translation>
    </message>
    <message>
        <source>Edit Note “{0}”…</source>
        <translation>Notiz „{0}“ bearbeiten…</translation>
    </message>
    <message>
        <source>Delete Note “{0}”</source>
        <translation>Notiz „{0}“ löschen</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Edit Note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>e.g. Istanbul, sanctions</source>
        <translation>z. B. Istanbul, Sanktionen</translation>
    </message>
    <message>
        <source>Keep the note ({0})</source>
        <translation>Notiz übernehmen ({0})</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Schlagwörter:</translation>
    </message>
    <message>
        <source>Note too long</source>
        <translation>Notiz zu lang</translation>
    </message>
    <message>
        <source>A note holds at most {0} characters; this one has {1}. Shorten it (or keep the rest in a file) and try again.</source>
        <translation>Eine Notiz fasst höchstens {0} Zeichen; diese hat {1}. Kürzen Sie sie (oder bewahren Sie den Rest in einer Datei auf) und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <source>Notes: {0}</source>
        <translation>Notizen: {0}</translation>
    </message>
    <message>
        <source>Notes cannot be saved right now: {0}.</source>
        <translation>Notizen können gerade nicht gespeichert werden: {0}.</translation>
    </message>
    <message>
        <source>Note added to “{0}”.</source>
        <translation>Notiz zu „{0}“ hinzugefügt.</translation>
    </message>
    <message>
        <source>Note on “{0}” changed.</source>
        <translation>Notiz zu „{0}“ geändert.</translation>
    </message>
    <message>
        <source>Your grade of “{0}” removed.</source>
        <translation>Ihre Bewertung von „{0}“ entfernt.</translation>
    </message>
    <message>
        <source>Your grade of “{0}”: {1}.</source>
        <translation>Ihre Bewertung von „{0}“: {1}.</translation>
    </message>
    <message>
        <source>Note on “{0}” deleted (Undo brings it back).</source>
        <translation>Notiz zu „{0}“ gelöscht („Rückgängig“ stellt sie wieder her).</translation>
    </message>
    <message>
        <source>Undone: {0}.</source>
        <translation>Rückgängig gemacht: {0}.</translation>
    </message>
    <message>
        <source>Redone: {0}.</source>
        <translation>Wiederholt: {0}.</translation>
    </message>
    <message>
        <source>Notes not saved: {0}. 1 change kept in memory; retrying every {1} s.</source>
        <translation>Notizen nicht gespeichert: {0}. 1 Änderung bleibt im Speicher; neuer Versuch alle {1} s.</translation>
    </message>
    <message>
        <source>Notes not saved: {0}. {1} changes kept in memory; retrying every {2} s.</source>
        <translation>Notizen nicht gespeichert: {0}. {1} Änderungen bleiben im Speicher; neuer Versuch alle {2} s.</translation>
    </message>
</context>
<context>
    <name>NotesListModel</name>
    <message>
        <source>(detached) {0}</source>
        <translation>(losgelöst) {0}</translation>
    </message>
    <message>
        <source>My grade: {0}</source>
        <extracomment>In the notes list, a note that grades: {0} is the reader&apos;s code (&quot;B2&quot;).</extracomment>
        <translation>Meine Bewertung: {0}</translation>
    </message>
    <message>
        <source>Detached note: its event or quote is no longer in the timeline</source>
        <translation>Losgelöste Notiz: Das zugehörige Ereignis oder Zitat ist nicht mehr in der Zeitleiste</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>My notes</source>
        <translation>Meine Notizen</translation>
    </message>
    <message>
        <source>Filter notes…</source>
        <translation>Notizen filtern…</translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation>Notizen filtern</translation>
    </message>
    <message>
        <source>Clear the notes filter</source>
        <translation>Notizfilter löschen</translation>
    </message>
    <message>
        <source>Notes, newest first</source>
        <translation>Notizen, neueste zuerst</translation>
    </message>
    <message>
        <source>&amp;Add Note…</source>
        <translation>&amp;Notiz hinzufügen…</translation>
    </message>
    <message>
        <source>Add a note to the selected event</source>
        <translation>Dem ausgewählten Ereignis eine Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Ed&amp;it Note…</source>
        <translation>Notiz bearbei&amp;ten…</translation>
    </message>
    <message>
        <source>&amp;Delete Note</source>
        <translation>Notiz &amp;löschen</translation>
    </message>
    <message>
        <source>No note matches “{0}”</source>
        <translation>Keine Notiz passt zu „{0}“</translation>
    </message>
    <message>
        <source>No notes yet: press {0} to add one to the selected event</source>
        <translation>Noch keine Notizen: {0} drücken, um dem ausgewählten Ereignis eine hinzuzufügen</translation>
    </message>
    <message>
        <source>No notes yet: select an event and press {0}</source>
        <translation>Noch keine Notizen: ein Ereignis auswählen und {0} drücken</translation>
    </message>
    <message>
        <source>Edit Note…</source>
        <translation>Notiz bearbeiten…</translation>
    </message>
    <message>
        <source>Delete Note</source>
        <translation>Notiz löschen</translation>
    </message>
</context>
<context>
    <name>OverviewStrip</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>The whole timeline, how many events fall where, and the part shown</source>
        <translation>Die gesamte Zeitleiste: Verteilung der Ereignisse und angezeigter Ausschnitt</translation>
    </message>
    <message>
        <source>Drag the marked part, or click, to show another time</source>
        <translation>Den markierten Ausschnitt ziehen oder daneben klicken, um einen anderen Zeitraum anzuzeigen</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>Page {0} of {1}: {2}</source>
        <extracomment>Above a printed page: {0} and {1} are its number and the number of pages, {2} the time span it shows.</extracomment>
        <translation>Seite {0} von {1}: {2}</translation>
    </message>
</context>
<context>
    <name>QuoteListModel</name>
    <message>
        <source>(reported)</source>
        <extracomment>After a quote in reported (indirect) speech, not in the speaker&apos;s words.</extracomment>
        <translation>(indirekt)</translation>
    </message>
    <message>
        <source>Direct quote</source>
        <translation>Direktes Zitat</translation>
    </message>
    <message>
        <source>Reported speech</source>
        <extracomment>A quote paraphrased by the source (indirect speech).</extracomment>
        <translation>Indirekte Rede</translation>
    </message>
    <message>
        <source>1 note of yours</source>
        <extracomment>How many of the reader&apos;s own notes are on the quote.</extracomment>
        <translation>1 eigene Notiz</translation>
    </message>
    <message>
        <source>{0} notes of yours</source>
        <translation>{0} eigene Notizen</translation>
    </message>
    <message>
        <source>Speaker: {0}</source>
        <translation>Sprecher: {0}</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>Quelle: {0}</translation>
    </message>
</context>
<context>
    <name>QuotesPanel</name>
    <message>
        <source>Quotes</source>
        <translation>Zitate</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Choose a speaker to list their quotes</source>
        <translation>Einen Sprecher auswählen, um seine Zitate aufzulisten</translation>
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
        <translation>Zitate des ausgewählten Sprechers</translation>
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
        <source>No quotes in this timeline</source>
        <translation>Keine Zitate in dieser Zeitleiste</translation>
    </message>
    <message>
        <source>No quote is on an event the filter keeps</source>
        <translation>Kein Zitat gehört zu einem Ereignis, das der Filter behält</translation>
    </message>
    <message>
        <source>Copy Citation</source>
        <translation>Quellenangabe kopieren</translation>
    </message>
    <message>
        <source>Copy Citation as Markdown</source>
        <translation>Quellenangabe als Markdown kopieren</translation>
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
    <name>Rescue</name>
    <message>
        <source>Notes not saved</source>
        <translation>Notizen nicht gespeichert</translation>
    </message>
    <message>
        <source>1 change to your notes could not be saved: {1}.</source>
        <translation>1 Änderung an Ihren Notizen konnte nicht gespeichert werden: {1}.</translation>
    </message>
    <message>
        <source>{0} changes to your notes could not be saved: {1}.</source>
        <translation>{0} Änderungen an Ihren Notizen konnten nicht gespeichert werden: {1}.</translation>
    </message>
    <message>
        <source>Save all your notes to a file (W3C Web Annotations, which “timeline-viewer notes import” reads back) before quitting? Notes of another timeline you had open go into a file beside it.</source>
        <translation>Vor dem Beenden alle Notizen in eine Datei speichern (W3C Web Annotations, die „timeline-viewer notes import“ wieder einliest)? Notizen einer anderen Zeitleiste, die Sie geöffnet hatten, kommen in eine Datei daneben.</translation>
    </message>
    <message>
        <source>Save to File…</source>
        <translation>In Datei speichern…</translation>
    </message>
    <message>
        <source>Quit Without Saving</source>
        <translation>Ohne Speichern beenden</translation>
    </message>
    <message>
        <source>Save Notes</source>
        <translation>Notizen speichern</translation>
    </message>
    <message>
        <source>W3C annotations (*.jsonld *.json)</source>
        <translation>W3C Web Annotations (*.jsonld *.json)</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>{0} konnte nicht geschrieben werden: {1}</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>+{0} more</source>
        <translation>+{0} weitere</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>TimelineAccessible</name>
    <message>
        <source>{0} events</source>
        <extracomment>A group of events drawn as one mark (&quot;+N&quot; or a count), named for a screen reader.</extracomment>
        <translation>{0} Ereignisse</translation>
    </message>
    <message>
        <source>{0}. Press to zoom in.</source>
        <extracomment>A count of events far out, for a screen reader; {0} is the time it spans.</extracomment>
        <translation>{0}. Zum Vergrößern drücken.</translation>
    </message>
    <message>
        <source>{0}. Press to choose one.</source>
        <extracomment>A group of events, for a screen reader; {0} is the time it spans.</extracomment>
        <translation>{0}. Drücken, um eines auszuwählen.</translation>
    </message>
    <message>
        <source>No event selected. Left and Right arrows select events in time order.</source>
        <extracomment>The timeline&apos;s description for a screen reader while no event is selected.</extracomment>
        <translation>Kein Ereignis ausgewählt. Die Pfeiltasten nach links und rechts wählen Ereignisse in zeitlicher Reihenfolge aus.</translation>
    </message>
</context>
<context>
    <name>TimelineRenderer</name>
    <message>
        <source>today</source>
        <extracomment>On the time axis, beside the line that marks the present day.</extracomment>
        <translation>heute</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <extracomment>The timeline widget&apos;s name for screen readers.</extracomment>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Events: {0}</source>
        <translation>Ereignisse: {0}</translation>
    </message>
    <message>
        <source>Folded: click to open it, drag to move it</source>
        <extracomment>A folded lane&apos;s tooltip, over its name.</extracomment>
        <translation>Eingeklappt: zum Aufklappen klicken, zum Verschieben ziehen</translation>
    </message>
    <message>
        <source>Click to fold it, drag to move it</source>
        <extracomment>An open lane&apos;s tooltip, over its name.</extracomment>
        <translation>Zum Einklappen klicken, zum Verschieben ziehen</translation>
    </message>
    <message>
        <source>In view, drawn as counts: {0}</source>
        <extracomment>A lane with too many events in view to draw: they are counted instead.</extracomment>
        <translation>Im sichtbaren Bereich, als Zahlen dargestellt: {0}</translation>
    </message>
    <message>
        <source>In view, in “+N” badges: {0}</source>
        <extracomment>Events of a lane that no row could take, in its &quot;+N&quot; badges.</extracomment>
        <translation>Im sichtbaren Bereich, in „+N“-Marken: {0}</translation>
    </message>
    <message>
        <source>Events starting here: {0}</source>
        <extracomment>Over a lane&apos;s density strip: how many events start under the pointer, and when.</extracomment>
        <translation>Ereignisse, die hier beginnen: {0}</translation>
    </message>
    <message>
        <source>1 event starts here; click to zoom in</source>
        <translation>1 Ereignis beginnt hier; zum Vergrößern klicken</translation>
    </message>
    <message>
        <source>{0} events start here; click to zoom in</source>
        <translation>{0} Ereignisse beginnen hier; zum Vergrößern klicken</translation>
    </message>
    <message>
        <source>{0} more events here; click to choose one</source>
        <translation>{0} weitere Ereignisse hier; klicken, um eines auszuwählen</translation>
    </message>
    <message>
        <source>Timeline: {0}</source>
        <extracomment>In an event&apos;s tooltip, with several timelines shown: which it is of.</extracomment>
        <translation>Zeitleiste: {0}</translation>
    </message>
    <message>
        <source>Timelines: {0}</source>
        <extracomment>In a &quot;+N&quot; group&apos;s tooltip: the timelines its events are of.</extracomment>
        <translation>Zeitleisten: {0}</translation>
    </message>
</context>
<context>
    <name>_PutNote</name>
    <message>
        <source>Add Note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
</context>
<context>
    <name>_RemoveNote</name>
    <message>
        <source>Delete Note</source>
        <translation>Notiz löschen</translation>
    </message>
</context>
<context>
    <name>cite</name>
    <message>
        <source>Source: {0}</source>
        <extracomment>In a copied citation: {0} is a source (outlet, title, date, address).</extracomment>
        <translation>Quelle: {0}</translation>
    </message>
    <message>
        <source>{0} (reported speech)</source>
        <extracomment>In a copied citation: {0} is the speaker of a quote in reported speech.</extracomment>
        <translation>{0} (indirekte Rede)</translation>
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
        <translation>auf das Jahr genau</translation>
    </message>
    <message>
        <source>to the year, approximate</source>
        <translation>auf das Jahr, ungefähr</translation>
    </message>
    <message>
        <source>exact to the year, open-ended</source>
        <translation>auf das Jahr genau, Ende offen</translation>
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
        <translation>auf den Monat genau, Ende offen</translation>
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
        <translation>auf die Woche genau, Ende offen</translation>
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
        <translation>auf den Tag genau, Ende offen</translation>
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
        <translation>auf die Minute genau, Ende offen</translation>
    </message>
    <message>
        <source>around {}</source>
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
        <translation>Wochenende vom {}</translation>
    </message>
    <message>
        <source>around the weekend of {}</source>
        <translation>ca. am Wochenende vom {}</translation>
    </message>
    <message>
        <source>from the weekend of {} on</source>
        <translation>ab dem Wochenende vom {}</translation>
    </message>
    <message>
        <source>{year} BC</source>
        <extracomment>A year before the common era: {year} is 44 for 44 BC.</extracomment>
        <translation>{year} v. Chr.</translation>
    </message>
    <message>
        <source>AD {year}</source>
        <extracomment>A year of the common era, where years BC are near: {year} is 14 for AD 14.</extracomment>
        <translation>{year} n. Chr.</translation>
    </message>
    <message>
        <source>{first}–{last} BC</source>
        <extracomment>Years before the common era, from the first to the last: 50-41 BC.</extracomment>
        <translation>{first}–{last} v. Chr.</translation>
    </message>
    <message>
        <source>AD {first}–{last}</source>
        <extracomment>Years of the common era, where years BC are near: AD 1-9.</extracomment>
        <translation>{first}–{last} n. Chr.</translation>
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
    <message>
        <source>{decade}s</source>
        <extracomment>The years of a decade on the time axis: &quot;2020s&quot; (German &quot;2020er&quot;).</extracomment>
        <translation>{decade}er</translation>
    </message>
</context>
<context>
    <name>describe</name>
    <message>
        <source>From {0}.</source>
        <extracomment>Read out after an event&apos;s date, kind and status when several timelines are shown: {0} is the title of the one it comes from.</extracomment>
        <translation>Aus {0}.</translation>
    </message>
</context>
<context>
    <name>details</name>
    <message>
        <source>✓ confirmed</source>
        <extracomment>Badge after a claim that has been verified.</extracomment>
        <translation>✓ bestätigt</translation>
    </message>
    <message>
        <source>? unverified</source>
        <extracomment>Badge after a claim nobody has verified yet.</extracomment>
        <translation>? unbestätigt</translation>
    </message>
    <message>
        <source>✗ disputed</source>
        <extracomment>Badge after a claim that others contradict.</extracomment>
        <translation>✗ umstritten</translation>
    </message>
    <message>
        <source>your grade: {0}</source>
        <extracomment>The reader&apos;s own grade, described: {0} is what it means (&quot;source C, …&quot;).</extracomment>
        <translation>Ihre Bewertung: {0}</translation>
    </message>
    <message>
        <source>source {0}</source>
        <extracomment>An Admiralty grade&apos;s letter and its meaning: {0} is &quot;B, usually reliable&quot;.</extracomment>
        <translation>Quelle {0}</translation>
    </message>
    <message>
        <source>information {0}</source>
        <extracomment>An Admiralty grade&apos;s digit and its meaning: {0} is &quot;3, possibly true&quot;.</extracomment>
        <translation>Information {0}</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <extracomment>A claim&apos;s figure: {0} the number, {1} what is counted (&quot;41 aircraft&quot;).</extracomment>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>{0}–{1} {2}</source>
        <extracomment>A claim&apos;s figure as a range: {0} to {1} of what {2} names (&quot;20–40 aircraft&quot;).</extracomment>
        <translation>{0}–{1} {2}</translation>
    </message>
    <message>
        <source>at least {0} {1}</source>
        <extracomment>A claim&apos;s figure with no upper bound (&quot;more than 40&quot; is at least 41).</extracomment>
        <translation>mindestens {0} {1}</translation>
    </message>
    <message>
        <source>at most {0} {1}</source>
        <extracomment>A claim&apos;s figure with no lower bound (&quot;up to 2,000&quot;).</extracomment>
        <translation>höchstens {0} {1}</translation>
    </message>
    <message>
        <source>yours: {0}</source>
        <extracomment>The reader&apos;s own grade, after the model&apos;s: {0} is the code (&quot;C4&quot;).</extracomment>
        <translation>eigene: {0}</translation>
    </message>
    <message>
        <source>Grade…</source>
        <extracomment>A link beside a source, a claim or an event: give it your own grade.</extracomment>
        <translation>Bewerten…</translation>
    </message>
    <message>
        <source>(relayed by {0})</source>
        <extracomment>After a claim&apos;s author: who passed the claim on.</extracomment>
        <translation>(weitergegeben von {0})</translation>
    </message>
    <message>
        <source>Counterclaim:</source>
        <extracomment>Above the claims that dispute a claim (or that it disputes), beside it.</extracomment>
        <translation>Gegenbehauptung:</translation>
    </message>
    <message>
        <source>Date from:</source>
        <extracomment>Label before the source an event&apos;s date comes from.</extracomment>
        <translation>Datum aus:</translation>
    </message>
    <message>
        <source>First reported:</source>
        <extracomment>Label before when an event was first reported (often later than it happened).</extracomment>
        <translation>Zuerst gemeldet:</translation>
    </message>
    <message>
        <source>(from {0})</source>
        <extracomment>After when an event was first reported: {0} is the source that reported it.</extracomment>
        <translation>(von {0})</translation>
    </message>
    <message>
        <source>(on {0})</source>
        <extracomment>After a counterclaim made about another event: {0} is that event (a link).</extracomment>
        <translation>(zu {0})</translation>
    </message>
    <message>
        <source>direct speech</source>
        <extracomment>A quote in the speaker&apos;s own words.</extracomment>
        <translation>direkte Rede</translation>
    </message>
    <message>
        <source>reported speech</source>
        <extracomment>A quote paraphrased by the source (indirect speech).</extracomment>
        <translation>indirekte Rede</translation>
    </message>
    <message>
        <source>(not in this timeline)</source>
        <extracomment>After the id of a related event the open timeline does not hold.</extracomment>
        <translation>(nicht in dieser Zeitleiste)</translation>
    </message>
    <message>
        <source>published {0}</source>
        <extracomment>A source&apos;s publication date, e.g. &quot;published 4 June 2025&quot;.</extracomment>
        <translation>veröffentlicht {0}</translation>
    </message>
    <message>
        <source>on the quote {0}</source>
        <extracomment>Above a note: the quote it is about.</extracomment>
        <translation>zum Zitat {0}</translation>
    </message>
    <message>
        <source>edit</source>
        <extracomment>Link under a note of the reader&apos;s: edit the note.</extracomment>
        <translation>bearbeiten</translation>
    </message>
    <message>
        <source>delete</source>
        <extracomment>Link under a note of the reader&apos;s: delete the note.</extracomment>
        <translation>löschen</translation>
    </message>
    <message>
        <source>Add Note…</source>
        <translation>Notiz hinzufügen…</translation>
    </message>
    <message>
        <source>My notes</source>
        <extracomment>Heading of the reader&apos;s own notes on the event.</extracomment>
        <translation>Meine Notizen</translation>
    </message>
    <message>
        <source>Translation ({0}): {1}</source>
        <extracomment>A quote&apos;s translation: {0} is the language&apos;s code (e.g. &quot;en&quot;), {1} the text.</extracomment>
        <translation>Übersetzung ({0}): {1}</translation>
    </message>
    <message>
        <source>Show translation ({0})</source>
        <extracomment>A link under a quote: show the translations ({0}: their language&apos;s code).</extracomment>
        <translation>Übersetzung anzeigen ({0})</translation>
    </message>
    <message>
        <source>Coordinates:</source>
        <extracomment>Label before an event&apos;s latitude and longitude.</extracomment>
        <translation>Koordinaten:</translation>
    </message>
    <message>
        <source>When:</source>
        <extracomment>Label before an event&apos;s date.</extracomment>
        <translation>Wann:</translation>
    </message>
    <message>
        <source>Source&apos;s wording:</source>
        <extracomment>Label before the date as the source worded it (quoted, in its language).</extracomment>
        <translation>Wortlaut der Quelle:</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <extracomment>The date as the source worded it, in quotation marks, after &quot;Source&apos;s wording:&quot;.</extracomment>
        <translation>„{0}“</translation>
    </message>
    <message>
        <source>{0}, not yet happened</source>
        <extracomment>{0} is a status such as &quot;Proposed&quot;: the event has not happened (yet).</extracomment>
        <translation>{0}, noch nicht stattgefunden</translation>
    </message>
    <message>
        <source>Kind:</source>
        <extracomment>Label before an event&apos;s kind (Call, Meeting, …).</extracomment>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Status:</source>
        <extracomment>Label before an event&apos;s status (Occurred, Announced, …).</extracomment>
        <translation>Status:</translation>
    </message>
    <message>
        <source>My grade:</source>
        <extracomment>Label before the reader&apos;s own grade of the event, and the link that grades it.</extracomment>
        <translation>Meine Bewertung:</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <extracomment>Label before the title of the timeline an event comes from (several shown).</extracomment>
        <translation>Zeitleiste:</translation>
    </message>
    <message>
        <source>Fatalities:</source>
        <extracomment>Label before how many people were killed, as reported (imported records).</extracomment>
        <translation>Todesopfer:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <extracomment>Label before the words an event is filed under (a group, a type of event).</extracomment>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Beteiligte</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Orte</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Behauptungen</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Zitate</translation>
    </message>
    <message>
        <source>Related events</source>
        <translation>Verwandte Ereignisse</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
</context>
<context>
    <name>filters</name>
    <message>
        <source>Kind: {}</source>
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
        <translation>Behauptung: {}</translation>
    </message>
    <message>
        <source>Source reliability: {}</source>
        <translation>Quellenzuverlässigkeit: {}</translation>
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
        <source>Changed since I last looked</source>
        <translation>Seit meinem letzten Blick geändert</translation>
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
    <name>importers</name>
    <message>
        <source>is not a regular file (a folder, a pipe)</source>
        <translation>ist keine gewöhnliche Datei (ein Ordner, eine Pipe)</translation>
    </message>
    <message>
        <source>Read as an answer of ACLED&apos;s API.</source>
        <translation>Als Antwort der ACLED-API gelesen.</translation>
    </message>
    <message>
        <source>cannot be read: {0}</source>
        <translation>kann nicht gelesen werden: {0}</translation>
    </message>
    <message>
        <source>not UTF-8 text ({0}); save the export as UTF-8</source>
        <translation>kein UTF-8-Text ({0}); speichern Sie den Export als UTF-8</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>{0}, ... ({1} columns)</source>
        <translation>{0}, … ({1} Spalten)</translation>
    </message>
    <message>
        <source>not an ACLED export: missing columns {0} (found: {1})</source>
        <translation>kein ACLED-Export: Es fehlen die Spalten {0} (gefunden: {1})</translation>
    </message>
    <message>
        <source>read the older ACLED layout (column names in capitals)</source>
        <translation>im älteren ACLED-Format gelesen (Spaltennamen in Großbuchstaben)</translation>
    </message>
    <message>
        <source>read the older ACLED layout (column names in capitals, no disorder_type)</source>
        <translation>im älteren ACLED-Format gelesen (Spaltennamen in Großbuchstaben, ohne disorder_type)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>not read as CSV: {0}</source>
        <translation>nicht als CSV lesbar: {0}</translation>
    </message>
    <message>
        <source>is a web page (HTML), not an ACLED export</source>
        <translation>ist eine Webseite (HTML), kein ACLED-Export</translation>
    </message>
    <message>
        <source>ACLED events from {0}</source>
        <extracomment>An imported ACLED export&apos;s title when none is given; {0} is its file name.</extracomment>
        <translation>ACLED-Ereignisse aus {0}</translation>
    </message>
    <message>
        <source>Imported from the ACLED export {0}: one event per row, as ACLED (the Armed Conflict Location &amp; Event Data project) coded it.</source>
        <extracomment>An imported ACLED export&apos;s description; {0} is its file name.</extracomment>
        <translation>Importiert aus dem ACLED-Export {0}: ein Ereignis pro Zeile, so wie ACLED (das Armed Conflict Location &amp; Event Data Project) es erfasst hat.</translation>
    </message>
    <message>
        <source>bytes that are not UTF-8 were read as {0}</source>
        <translation>Bytes, die kein UTF-8 sind, wurden als {0} gelesen</translation>
    </message>
    <message>
        <source>has {0} fields, the header has {1}</source>
        <translation>hat {0} Felder, die Kopfzeile hat {1}</translation>
    </message>
    <message>
        <source>event id {0} is repeated: imported as {1}</source>
        <translation>Ereignis-ID {0} kommt mehrfach vor: als {1} importiert</translation>
    </message>
    <message>
        <source>fatalities {0} is not a whole number from 0: left out</source>
        <translation>Anzahl der Todesopfer ({0}) ist keine ganze Zahl ab 0: ausgelassen</translation>
    </message>
    <message>
        <source>the file has no rows</source>
        <translation>die Datei hat keine Zeilen</translation>
    </message>
    <message>
        <source>no rows could be imported; first problems: {0}</source>
        <translation>keine Zeile konnte importiert werden; erste Probleme: {0}</translation>
    </message>
    <message>
        <source>no {0}: the row is left out</source>
        <translation>kein Wert für {0}: die Zeile wird ausgelassen</translation>
    </message>
    <message>
        <source>event_date {0} is not a date (expected 2022-06-04 or 04 June 2022): the row is left out</source>
        <translation>event_date {0} ist kein Datum (erwartet: 2022-06-04 oder 04 June 2022): die Zeile wird ausgelassen</translation>
    </message>
    <message>
        <source>time_precision {0} is not 1 (day), 2 (week) or 3 (month): the row is left out</source>
        <translation>time_precision {0} ist nicht 1 (Tag), 2 (Woche) oder 3 (Monat): die Zeile wird ausgelassen</translation>
    </message>
    <message>
        <source>no latitude: the coordinates are left out</source>
        <translation>kein Breitengrad: die Koordinaten werden ausgelassen</translation>
    </message>
    <message>
        <source>no longitude: the coordinates are left out</source>
        <translation>kein Längengrad: die Koordinaten werden ausgelassen</translation>
    </message>
    <message>
        <source>latitude {0} is not a number: the coordinates are left out</source>
        <translation>Breitengrad {0} ist keine Zahl: die Koordinaten werden ausgelassen</translation>
    </message>
    <message>
        <source>longitude {0} is not a number: the coordinates are left out</source>
        <translation>Längengrad {0} ist keine Zahl: die Koordinaten werden ausgelassen</translation>
    </message>
    <message>
        <source>latitude {0} is not between -90 and 90: the coordinates are left out</source>
        <translation>Breitengrad {0} liegt nicht zwischen -90 und 90: die Koordinaten werden ausgelassen</translation>
    </message>
    <message>
        <source>longitude {0} is not between -180 and 180: the coordinates are left out</source>
        <translation>Längengrad {0} liegt nicht zwischen -180 und 180: die Koordinaten werden ausgelassen</translation>
    </message>
    <message>
        <source>{0} and {1} more</source>
        <translation>{0} und {1} weitere</translation>
    </message>
    <message>
        <source>events in {0}, from {1} to {2}</source>
        <translation>Ereignisse in {0}, vom {1} bis zum {2}</translation>
    </message>
    <message>
        <source>events, from {0} to {1}</source>
        <translation>Ereignisse vom {0} bis zum {1}</translation>
    </message>
    <message>
        <source>dates: {0} to the day, {1} to the week (the ISO week that holds ACLED&apos;s coded day), {2} to the month</source>
        <translation>Daten: {0} auf den Tag genau, {1} auf die Woche genau (die ISO-Woche, die ACLEDs codierten Tag enthält), {2} auf den Monat genau</translation>
    </message>
    <message>
        <source>{0} events of types ACLED does not list were imported as &apos;other&apos;: {1}</source>
        <translation>{0} Ereignisse mit Typen, die ACLED nicht aufführt, wurden als „Sonstiges“ importiert: {1}</translation>
    </message>
    <message>
        <source>line {0}</source>
        <translation>Zeile {0}</translation>
    </message>
    <message>
        <source>{0} is not a month (from {1} to {2})</source>
        <translation>{0} ist kein Monat (von {1} bis {2})</translation>
    </message>
    <message>
        <source>{0} is not a day (from {1} to {2})</source>
        <translation>{0} ist kein Tag (von {1} bis {2})</translation>
    </message>
    <message>
        <source>{0} is not a minute (from {1} to {2})</source>
        <translation>{0} ist keine Minute (von {1} bis {2})</translation>
    </message>
    <message>
        <source>{0} is not a second (from {1} to {2})</source>
        <translation>{0} ist keine Sekunde (von {1} bis {2})</translation>
    </message>
    <message>
        <source>{0} is not a millisecond (from {1} to {2})</source>
        <translation>{0} ist keine Millisekunde (von {1} bis {2})</translation>
    </message>
    <message>
        <source>{0}; the slide is left out</source>
        <translation>{0}; die Folie wird ausgelassen</translation>
    </message>
    <message>
        <source>none of its {0} events could be read: first problem {1}</source>
        <translation>keines seiner {0} Ereignisse konnte gelesen werden: erstes Problem {1}</translation>
    </message>
    <message>
        <source>none of its {0} events could be read</source>
        <translation>keines seiner {0} Ereignisse konnte gelesen werden</translation>
    </message>
    <message>
        <source>{0} cannot be written: {1}</source>
        <translation>{0} kann nicht geschrieben werden: {1}</translation>
    </message>
    <message>
        <source>not valid JSON: not UTF-8 text (at byte {0})</source>
        <translation>kein gültiges JSON: kein UTF-8-Text (bei Byte {0})</translation>
    </message>
    <message>
        <source>not valid JSON: {0} at line {1}, column {2}</source>
        <translation>kein gültiges JSON: {0} in Zeile {1}, Spalte {2}</translation>
    </message>
    <message>
        <source>not a JSON this app can read: {0}</source>
        <translation>kein JSON, das diese App lesen kann: {0}</translation>
    </message>
    <message>
        <source>not valid JSON: nested too deeply</source>
        <translation>kein gültiges JSON: zu tief verschachtelt</translation>
    </message>
    <message>
        <source>not a TimelineJS timeline: expected an object ({0}) at the top, found {1}</source>
        <translation>keine TimelineJS-Zeitleiste: auf oberster Ebene wurde ein Objekt ({0}) erwartet, gefunden: {1}</translation>
    </message>
    <message>
        <source>is {0} MiB ({1} bytes), over the {2} MiB limit for TimelineJS files</source>
        <translation>ist {0} MiB ({1} Byte) groß und überschreitet die Grenze von {2} MiB für TimelineJS-Dateien</translation>
    </message>
    <message>
        <source>missing: a TimelineJS timeline lists its slides under &quot;events&quot;</source>
        <translation>fehlt: Eine TimelineJS-Zeitleiste führt ihre Folien unter „events“ auf</translation>
    </message>
    <message>
        <source>expected a list of slides, found {0}</source>
        <translation>Liste von Folien erwartet, gefunden: {0}</translation>
    </message>
    <message>
        <source>the file has no events</source>
        <translation>die Datei enthält keine Ereignisse</translation>
    </message>
    <message>
        <source>expected an object, found {0}; left out</source>
        <translation>Objekt erwartet, gefunden: {0}; ausgelassen</translation>
    </message>
    <message>
        <source>expected a list, found {0}; left out</source>
        <translation>Liste erwartet, gefunden: {0}; ausgelassen</translation>
    </message>
    <message>
        <source>a timeline holds at most {0} eras; left out</source>
        <translation>eine Zeitleiste fasst höchstens {0} Epochen; ausgelassen</translation>
    </message>
    <message>
        <source>Untitled event {0}</source>
        <extracomment>The title given to a slide with neither headline nor text; {0} is its place in the file (the note on the import names it the same).</extracomment>
        <translation>Unbenanntes Ereignis {0}</translation>
    </message>
    <message>
        <source>expected an object, found {0}</source>
        <translation>Objekt erwartet, gefunden: {0}</translation>
    </message>
    <message>
        <source>{0}; the era is left out</source>
        <translation>{0}; die Epoche wird ausgelassen</translation>
    </message>
    <message>
        <source>{0} is not an hour (from {1} to {2})</source>
        <translation>{0} ist keine Stunde (von {1} bis {2})</translation>
    </message>
    <message>
        <source>start given only as a year</source>
        <translation>Beginn nur als Jahr angegeben</translation>
    </message>
    <message>
        <source>start given only as a month</source>
        <translation>Beginn nur als Monat angegeben</translation>
    </message>
    <message>
        <source>start given only as a day</source>
        <translation>Beginn nur als Tag angegeben</translation>
    </message>
    <message>
        <source>end given only as a year</source>
        <translation>Ende nur als Jahr angegeben</translation>
    </message>
    <message>
        <source>end given only as a month</source>
        <translation>Ende nur als Monat angegeben</translation>
    </message>
    <message>
        <source>end given only as a day</source>
        <translation>Ende nur als Tag angegeben</translation>
    </message>
    <message>
        <source>missing: a start date with a year is needed</source>
        <translation>fehlt: Ein Startdatum mit Jahr ist erforderlich</translation>
    </message>
    <message>
        <source>{0}; the event is kept without an end</source>
        <translation>{0}; das Ereignis wird ohne Enddatum übernommen</translation>
    </message>
    <message>
        <source>ends before it starts ({0} to {1})</source>
        <translation>endet vor seinem Beginn ({0} bis {1})</translation>
    </message>
    <message>
        <source>ends before it starts ({0} to {1}); the event is kept without an end</source>
        <translation>endet vor seinem Beginn ({0} bis {1}); das Ereignis wird ohne Enddatum übernommen</translation>
    </message>
    <message>
        <source>missing: a date needs a year</source>
        <translation>fehlt: Ein Datum braucht ein Jahr</translation>
    </message>
    <message>
        <source>the year {0} cannot be held: the model&apos;s years run from 10000 BC (in TimelineJS -10000) to 9999</source>
        <extracomment>{0} is the year as the TimelineJS file gives it; TimelineJS writes 44 BC as -44.</extracomment>
        <translation>das Jahr {0} kann nicht übernommen werden: Die Jahre des Modells reichen von 10000 v. Chr. (in TimelineJS -10000) bis 9999</translation>
    </message>
    <message>
        <source>expected a whole number, found {0}</source>
        <translation>ganze Zahl erwartet, gefunden: {0}</translation>
    </message>
    <message>
        <source>expected text, found {0}; left out</source>
        <translation>Text erwartet, gefunden: {0}; ausgelassen</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>TimelineJS has no kinds of event: every event is filed as &quot;other&quot;.</source>
        <translation>TimelineJS kennt keine Ereignisarten: Jedes Ereignis wird als „Sonstiges“ abgelegt.</translation>
    </message>
    <message>
        <source>TimelineJS has no language field: the timeline&apos;s language is &quot;{0}&quot; (undetermined); import --language sets it.</source>
        <translation>TimelineJS kennt keine Sprachangabe: die Sprache der Zeitleiste ist „{0}“ (unbestimmt); import --language legt sie fest.</translation>
    </message>
    <message>
        <source>TimelineJS groups became tags, one lane each in View &gt; Lanes &gt; By Tag: {0}.</source>
        <translation>TimelineJS-Gruppen wurden zu Schlagwörtern, je eine Spur unter Ansicht ▸ Spuren ▸ Nach Schlagwort: {0}.</translation>
    </message>
    <message>
        <source>{0} date gives a time of day: TimelineJS times have no time zone, so they were written as UTC.</source>
        <translation>{0} Datum enthält eine Uhrzeit: TimelineJS-Zeiten haben keine Zeitzone, daher wurden sie als UTC geschrieben.</translation>
    </message>
    <message>
        <source>{0} dates give a time of day: TimelineJS times have no time zone, so they were written as UTC.</source>
        <translation>{0} Daten enthalten eine Uhrzeit: TimelineJS-Zeiten haben keine Zeitzone, daher wurden sie als UTC geschrieben.</translation>
    </message>
    <message>
        <source>{0} date gives seconds or milliseconds: dropped, as the model&apos;s finest precision is the minute.</source>
        <translation>{0} Datum enthält Sekunden oder Millisekunden: ausgelassen, da die feinste Genauigkeit des Modells die Minute ist.</translation>
    </message>
    <message>
        <source>{0} dates give seconds or milliseconds: dropped, as the model&apos;s finest precision is the minute.</source>
        <translation>{0} Daten enthalten Sekunden oder Millisekunden: ausgelassen, da die feinste Genauigkeit des Modells die Minute ist.</translation>
    </message>
    <message>
        <source>{0} date gives a finer part without a coarser one (a day without a month): read only as far as its parts run on from the year.</source>
        <translation>{0} Datum enthält einen feineren Teil ohne den gröberen (einen Tag ohne Monat): nur so weit gelesen, wie seine Teile lückenlos vom Jahr aus reichen.</translation>
    </message>
    <message>
        <source>{0} dates give a finer part without a coarser one (a day without a month): read only as far as its parts run on from the year.</source>
        <translation>{0} Daten enthalten einen feineren Teil ohne den gröberen (einen Tag ohne Monat): nur so weit gelesen, wie ihre Teile lückenlos vom Jahr aus reichen.</translation>
    </message>
    <message>
        <source>{0} date starts and ends at different precisions: written at the finer one, the other from the start or to the end of its year, month or day, as its note says.</source>
        <translation>{0} Datum beginnt und endet mit unterschiedlicher Genauigkeit: mit der feineren geschrieben, das andere vom Anfang oder bis zum Ende seines Jahres, Monats oder Tages, wie seine Notiz sagt.</translation>
    </message>
    <message>
        <source>{0} dates start and end at different precisions: written at the finer one, the other from the start or to the end of its year, month or day, as their notes say.</source>
        <translation>{0} Daten beginnen und enden mit unterschiedlicher Genauigkeit: mit der feineren geschrieben, das jeweils andere vom Anfang oder bis zum Ende seines Jahres, Monats oder Tages, wie ihre Notizen sagen.</translation>
    </message>
    <message>
        <source>{0} event has no headline: titled with the first words of the text.</source>
        <translation>{0} Ereignis hat keine Überschrift: mit den ersten Wörtern des Textes betitelt.</translation>
    </message>
    <message>
        <source>{0} events have no headline: titled with the first words of the text.</source>
        <translation>{0} Ereignisse haben keine Überschrift: mit den ersten Wörtern des Textes betitelt.</translation>
    </message>
    <message>
        <source>{0} event has neither headline nor text: titled &quot;Untitled event N&quot;, N being the slide&apos;s place in the file.</source>
        <translation>{0} Ereignis hat weder Überschrift noch Text: „Unbenanntes Ereignis N“ betitelt, wobei N die Position der Folie in der Datei ist.</translation>
    </message>
    <message>
        <source>{0} events have neither headline nor text: titled &quot;Untitled event N&quot;, N being the slide&apos;s place in the file.</source>
        <translation>{0} Ereignisse haben weder Überschrift noch Text: „Unbenanntes Ereignis N“ betitelt, wobei N die Position der Folie in der Datei ist.</translation>
    </message>
    <message>
        <source>{0} event shows HTML as its media (a quote, an embed): its text was added to the summary.</source>
        <translation>{0} Ereignis zeigt HTML als Medium (ein Zitat, eine Einbettung): sein Text wurde der Zusammenfassung hinzugefügt.</translation>
    </message>
    <message>
        <source>{0} events show HTML as their media (a quote, an embed): its text was added to the summary.</source>
        <translation>{0} Ereignisse zeigen HTML als Medium (ein Zitat, eine Einbettung): ihr Text wurde der Zusammenfassung hinzugefügt.</translation>
    </message>
    <message>
        <source>The timeline is on the &quot;cosmological&quot; scale: years before 10000 BC cannot be held, and their slides were left out.</source>
        <translation>Die Zeitleiste hat die Skala „cosmological“: Jahre vor 10000 v. Chr. können nicht übernommen werden, ihre Folien wurden ausgelassen.</translation>
    </message>
    <message>
        <source>not an answer of ACLED&apos;s API: {0}</source>
        <translation>keine Antwort der ACLED-API: {0}</translation>
    </message>
    <message>
        <source>not valid JSON: {0}</source>
        <translation>kein gültiges JSON: {0}</translation>
    </message>
    <message>
        <source>ACLED&apos;s API answered with an error: {0}</source>
        <translation>Die ACLED-API hat mit einem Fehler geantwortet: {0}</translation>
    </message>
    <message>
        <source>is a TimelineJS timeline, not an ACLED export: import it as such</source>
        <translation>ist eine TimelineJS-Zeitleiste, kein ACLED-Export: als solche importieren</translation>
    </message>
    <message>
        <source>The file is a TimelineJS2 timeline: its dates were read as TimelineJS3 slides, its tags as groups and its assets as media.</source>
        <translation>Die Datei ist eine TimelineJS2-Zeitleiste: die Datumsangaben wurden als TimelineJS3-Folien gelesen, die Tags als Gruppen und die Assets als Medien.</translation>
    </message>
    <message>
        <source>no event to write: a TimelineJS timeline needs one at least</source>
        <translation>kein Ereignis zu schreiben: Eine TimelineJS-Zeitleiste braucht mindestens eines</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <extracomment>A TimelineJS slide&apos;s credit line under its media; {0} is the source (a link).</extracomment>
        <translation>Quelle: {0}</translation>
    </message>
    <message>
        <source>Sources: {0}</source>
        <extracomment>A TimelineJS slide&apos;s credit line under its media; {0} lists the sources (links).</extracomment>
        <translation>Quellen: {0}</translation>
    </message>
    <message>
        <source>{0} {1} is not one of ACLED&apos;s actor types (0 to 8): left out</source>
        <extracomment>A problem of an ACLED row: {0} is the column (inter1, inter2), {1} its value in quotation marks.</extracomment>
        <translation>{0} {1} ist keiner der Akteurstypen von ACLED (0 bis 8): ausgelassen</translation>
    </message>
    <message>
        <source>geo_precision {0} is not 1, 2 or 3: left out</source>
        <extracomment>A problem of an ACLED row: {0} is the value of its column geo_precision, quoted.</extracomment>
        <translation>geo_precision {0} ist nicht 1, 2 oder 3: ausgelassen</translation>
    </message>
    <message>
        <source>timestamp {0} is not a whole number of seconds since 1970: left out</source>
        <extracomment>A problem of an ACLED row: {0} is the value of its column timestamp, quoted.</extracomment>
        <translation>timestamp {0} ist keine ganze Zahl von Sekunden seit 1970: ausgelassen</translation>
    </message>
    <message>
        <source>not UTF-8 text (at byte {0}): save the sheet as CSV in UTF-8</source>
        <translation>kein UTF-8-Text (bei Byte {0}): die Tabelle als CSV in UTF-8 speichern</translation>
    </message>
    <message>
        <source>is a web page (HTML), not a TimelineJS timeline</source>
        <translation>ist eine Webseite (HTML), keine TimelineJS-Zeitleiste</translation>
    </message>
    <message>
        <source>not an XLSX workbook this app can read: {0}</source>
        <translation>keine XLSX-Arbeitsmappe, die diese App lesen kann: {0}</translation>
    </message>
    <message>
        <source>the workbook has no worksheet</source>
        <translation>die Arbeitsmappe hat kein Tabellenblatt</translation>
    </message>
    <message>
        <source>unpacks to {0} MiB, over the {1} MiB a workbook may hold</source>
        <extracomment>{0} is what the workbook unpacks to, {1} the most it may (both as &quot;300 MiB&quot;).</extracomment>
        <translation>ist entpackt {0} MiB groß, über den {1} MiB, die eine Arbeitsmappe haben darf</translation>
    </message>
    <message>
        <source>row {0}</source>
        <translation>Zeile {0}</translation>
    </message>
    <message>
        <source>row {0}, {1}</source>
        <translation>Zeile {0}, {1}</translation>
    </message>
    <message>
        <source>is an ACLED export, not a TimelineJS timeline: import it as such</source>
        <translation>ist ein ACLED-Export, keine TimelineJS-Zeitleiste: als solchen importieren</translation>
    </message>
    <message>
        <source>not a TimelineJS sheet: it has no column {0} (found: {1})</source>
        <translation>keine TimelineJS-Tabelle: sie hat keine der Spalten {0} (gefunden: {1})</translation>
    </message>
    <message>
        <source>The file is a TimelineJS spreadsheet: each row under the header was read as a slide, its columns found by their headers.</source>
        <translation>Die Datei ist eine TimelineJS-Tabelle: Jede Zeile unter der Kopfzeile wurde als Folie gelesen, ihre Spalten anhand ihrer Überschriften gefunden.</translation>
    </message>
    <message>
        <source>Columns that TimelineJS&apos;s template does not have were not read: {0}.</source>
        <translation>Spalten, die die Vorlage von TimelineJS nicht hat, wurden nicht gelesen: {0}.</translation>
    </message>
    <message>
        <source>Reading stopped at row {0}, which is blank, as TimelineJS stops there: 1 row under it was not read.</source>
        <translation>Das Lesen endete bei der leeren Zeile {0}, wie TimelineJS dort endet: 1 Zeile darunter wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>Reading stopped at row {0}, which is blank, as TimelineJS stops there: {1} rows under it were not read.</source>
        <translation>Das Lesen endete bei der leeren Zeile {0}, wie TimelineJS dort endet: {1} Zeilen darunter wurden nicht gelesen.</translation>
    </message>
    <message>
        <source>is already a timeline model file, nothing to import: open it (File &gt; Open, or timeline-viewer open)</source>
        <translation>ist schon eine Zeitleistendatei, nichts zu importieren: sie öffnen (Datei ▸ Öffnen oder timeline-viewer open)</translation>
    </message>
</context>
<context>
    <name>lanes</name>
    <message>
        <source>No actor</source>
        <translation>Ohne Akteur</translation>
    </message>
    <message>
        <source>No tag</source>
        <translation>Ohne Schlagwort</translation>
    </message>
    <message>
        <source>No place</source>
        <translation>Ohne Ort</translation>
    </message>
</context>
<context>
    <name>layers</name>
    <message>
        <source>A timeline with the id {0} is shown already.</source>
        <translation>Eine Zeitleiste mit der Kennung {0} wird bereits angezeigt.</translation>
    </message>
    <message>
        <source>Its ids are too long to be told apart from the open timeline&apos;s.</source>
        <translation>Ihre Kennungen sind zu lang, um sie von denen der geöffneten Zeitleiste zu unterscheiden.</translation>
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
        <translation>Stattgefunden</translation>
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
    <message>
        <source>Confirmed claims</source>
        <translation>Bestätigte Behauptungen</translation>
    </message>
    <message>
        <source>Unverified claims</source>
        <translation>Unbestätigte Behauptungen</translation>
    </message>
    <message>
        <source>Disputed claims</source>
        <translation>Umstrittene Behauptungen</translation>
    </message>
    <message>
        <source>completely reliable</source>
        <translation>völlig zuverlässig</translation>
    </message>
    <message>
        <source>usually reliable</source>
        <translation>meist zuverlässig</translation>
    </message>
    <message>
        <source>fairly reliable</source>
        <translation>ziemlich zuverlässig</translation>
    </message>
    <message>
        <source>not usually reliable</source>
        <translation>meist nicht zuverlässig</translation>
    </message>
    <message>
        <source>unreliable</source>
        <translation>unzuverlässig</translation>
    </message>
    <message>
        <source>reliability cannot be judged</source>
        <translation>Zuverlässigkeit nicht beurteilbar</translation>
    </message>
    <message>
        <source>confirmed by other sources</source>
        <translation>durch andere Quellen bestätigt</translation>
    </message>
    <message>
        <source>probably true</source>
        <translation>wahrscheinlich wahr</translation>
    </message>
    <message>
        <source>possibly true</source>
        <translation>möglicherweise wahr</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>zweifelhaft</translation>
    </message>
    <message>
        <source>improbable</source>
        <translation>unwahrscheinlich</translation>
    </message>
    <message>
        <source>truth cannot be judged</source>
        <translation>Wahrheit nicht beurteilbar</translation>
    </message>
</context>
<context>
    <name>notes</name>
    <message>
        <source>{0} notes in {1} could not be read (written by another program or version?). They are left in the database, untouched.</source>
        <translation>{0} Notizen in {1} konnten nicht gelesen werden (von einem anderen Programm oder einer anderen Version geschrieben?). Sie bleiben unverändert in der Datenbank.</translation>
    </message>
    <message>
        <source>{0} notes could be read from it and were kept; any others are only in the file moved aside.</source>
        <translation>{0} Notizen konnten daraus gelesen werden und sind erhalten; alle anderen sind nur noch in der beiseitegelegten Datei.</translation>
    </message>
    <message>
        <source>{0} cannot hold notes: {1}</source>
        <translation>{0} kann keine Notizen aufnehmen: {1}</translation>
    </message>
    <message>
        <source>Notes saved in {0} since it was last written into the database are not shown until {1} is a file again.</source>
        <translation>Notizen, die seit dem letzten Übertragen in die Datenbank in {0} gespeichert wurden, werden erst angezeigt, wenn {1} wieder eine Datei ist.</translation>
    </message>
    <message>
        <source>Your notes database {0} lacked {1} (removed by another program?); it was made again. The notes in the database were kept.</source>
        <translation>In Ihrer Notizdatenbank {0} fehlte {1} (von einem anderen Programm entfernt?); das Fehlende wurde neu angelegt. Die Notizen in der Datenbank sind erhalten.</translation>
    </message>
    <message>
        <source>Your notes file {0} could not be carried over ({1}). It is left as it is and tried again next time; new notes go into the database.</source>
        <translation>Ihre Notizdatei {0} konnte nicht übernommen werden ({1}). Sie bleibt, wie sie ist, und wird beim nächsten Mal erneut versucht; neue Notizen kommen in die Datenbank.</translation>
    </message>
    <message>
        <source>{0} of your {1} notes were carried over into {2}; the old file stays beside it as a backup ({3}).</source>
        <translation>{0} Ihrer {1} Notizen wurden nach {2} übernommen; die alte Datei bleibt als Sicherung daneben ({3}).</translation>
    </message>
    <message>
        <source>{0} of them had times without a time zone, read as UTC.</source>
        <translation>Davon mit Zeiten ohne Zeitzone (als UTC gelesen): {0}.</translation>
    </message>
    <message>
        <source>{0} could not be carried over ({1}); they are kept as they were in {2}. Fix them there and run: timeline-viewer notes import {2}</source>
        <translation>Nicht übernommen: {0} ({1}); unverändert aufbewahrt in {2}. Dort korrigieren und dann ausführen: timeline-viewer notes import {2}</translation>
    </message>
    <message>
        <source>Your notes file {0} waits to be carried over until the notes database can be written; its {1} notes are shown meanwhile.</source>
        <translation>Ihre Notizdatei {0} wird übernommen, sobald die Notizdatenbank beschrieben werden kann; ihre {1} Notizen werden solange angezeigt.</translation>
    </message>
    <message>
        <source>Your notes cannot be saved right now: {0}. Notes you add or change are kept in memory and saving is retried.</source>
        <translation>Ihre Notizen können gerade nicht gespeichert werden: {0}. Neue und geänderte Notizen bleiben im Speicher, und das Speichern wird erneut versucht.</translation>
    </message>
    <message>
        <source>Your notes database {0} was made by a newer version of timeline-viewer (schema {1}; this version knows up to {2}). It is opened read-only and never written; update the app to edit these notes.</source>
        <translation>Ihre Notizdatenbank {0} stammt von einer neueren Version von timeline-viewer (Schema {1}; diese Version kennt bis {2}). Sie wird nur gelesen und nie geschrieben; aktualisieren Sie die App, um diese Notizen zu bearbeiten.</translation>
    </message>
    <message>
        <source>Your notes database {0} could not be read ({1}), nor moved aside ({2}). It is left untouched; notes are read-only here.</source>
        <translation>Ihre Notizdatenbank {0} konnte weder gelesen ({1}) noch beiseitegelegt werden ({2}). Sie bleibt unberührt; Notizen sind hier schreibgeschützt.</translation>
    </message>
    <message>
        <source>Your notes database could not be read ({0}). Nothing was deleted: it was moved to {1}. New notes start in a fresh database.</source>
        <translation>Ihre Notizdatenbank konnte nicht gelesen werden ({0}). Nichts wurde gelöscht: Sie wurde nach {1} verschoben. Neue Notizen kommen in eine neue Datenbank.</translation>
    </message>
    <message>
        <source>{0} cannot be read ({1})</source>
        <translation>{0} kann nicht gelesen werden ({1})</translation>
    </message>
    <message>
        <source>{0} cannot be written ({1})</source>
        <translation>{0} kann nicht geschrieben werden ({1})</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
</context>
<context>
    <name>search</name>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>Behauptung</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>Beteiligter</translation>
    </message>
    <message>
        <source>place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>date wording</source>
        <translation>Wortlaut des Datums</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>my note</source>
        <translation>meine Notiz</translation>
    </message>
    <message>
        <source>my tag</source>
        <translation>mein Schlagwort</translation>
    </message>
    <message>
        <source>{0}, via {1}</source>
        <translation>{0}, über {1}</translation>
    </message>
</context>
</TS>
