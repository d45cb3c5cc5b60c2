#!/usr/bin/python3
# test-pdf-ocr-cli.py: a scanned PDF page (an image of text, no text
# layer) attached with steward-cli chat --attach and read for tasks with
# tasks extract --file: its text, recognised offline by tesseract, is
# what the model is sent, under its own page marker. The PDF is made with
# cairo (python3-cairo); pdftotext (poppler-utils) confirms the scan has
# no text of its own. Without text recognition the page says so.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess

import cairo

import replaycli  # noqa: E402

TEXT_PAGE = 'Minutes of the Tuesday meeting'
SCANNED = ['Call the plumber about the leak', 'Renew the parking permit']
SCANNED_WORDS = ['call', 'plumber', 'leak', 'renew', 'parking', 'permit']
NO_TEXT = '(A scanned page: no text could be recognised.)'


def write_pdf(path):
    """Page 1 is text, page 2 a 200 dpi picture of two lines of text."""
    scan = cairo.ImageSurface(cairo.FORMAT_RGB24, 1654, 600)
    cr = cairo.Context(scan)
    cr.set_source_rgb(1, 1, 1)
    cr.paint()
    cr.set_source_rgb(0, 0, 0)
    cr.select_font_face('DejaVu Sans')
    cr.set_font_size(64)
    for i, line in enumerate(SCANNED):
        cr.move_to(160, 220 + 110 * i)
        cr.show_text(line)
    scan.flush()

    surface = cairo.PDFSurface(path, 595, 842)
    cr = cairo.Context(surface)
    cr.select_font_face('Sans')
    cr.set_font_size(14)
    cr.move_to(72, 72)
    cr.show_text(TEXT_PAGE)
    cr.show_page()
    cr.save()
    cr.scale(72 / 200, 72 / 200)
    cr.set_source_surface(scan, 0, 0)
    cr.paint()
    cr.restore()
    cr.show_page()
    surface.finish()


class PdfOcrTestCase(replaycli.ReplayCliTestCase):
    def setUp(self):
        super().setUp()
        self.ok('settings', 'set', 'memory.auto', 'false')
        self.pdf = os.path.join(self.tmp, 'minutes.pdf')
        write_pdf(self.pdf)
        scanned = subprocess.run(['pdftotext', '-f', '2', '-l', '2', self.pdf, '-'],
                                 capture_output=True, text=True, check=True)
        self.assertEqual(scanned.stdout.strip(), '')

    def available(self):
        result = self.cli('ocr', os.path.join(self.tmp, 'none.png'))
        return 'built without text recognition' not in result.stderr

    def assert_scan_read(self, text):
        self.assertIn(f'--- Page 1 ---\n{TEXT_PAGE}\n\n', text)
        if not self.available():
            self.assertIn(f'--- Page 2 ---\n{NO_TEXT}\n', text)
            return
        self.assertIn('--- Page 2 (recognised from the scan) ---\n', text)
        scan = text.split('--- Page 2 (recognised from the scan) ---\n', 1)[1].lower()
        for word in SCANNED_WORDS:
            self.assertIn(word, scan)
        self.assertNotIn(NO_TEXT, text)


class TestScannedPdf(PdfOcrTestCase):
    def test_chat_attach(self):
        self.answer_with('text_stream')
        reply = json.loads(self.ok('chat', '--json', '--attach', self.pdf, 'What is in this?'))
        self.assertEqual(reply['status'], 'complete')

        parts = self.requests()[-1]['body']['messages'][-1]['content']
        self.assertEqual(parts[1]['type'], 'text')
        self.assertTrue(parts[1]['text'].startswith('<attachment name="minutes.pdf">\n'), parts[1]['text'])
        self.assert_scan_read(parts[1]['text'])

        shown = json.loads(self.ok('conversations', 'show', str(reply['conversation_id']), '--json'))
        self.assertEqual(shown['messages'][0]['attachments'][0]['pages'], 2)

    def test_tasks_extract(self):
        self.answer_with('extract_tool')
        printed = json.loads(self.ok('tasks', 'extract', '--file', self.pdf, '--json'))
        self.assertEqual({t['source'] for t in printed}, {'file'})
        body = self.requests()[0]['body']
        prompt = '\n'.join(m['content'] for m in body['messages'] if isinstance(m['content'], str))
        self.assert_scan_read(prompt)


if __name__ == '__main__':
    replaycli.main()
