#!/usr/bin/env python3
"""resx.py FILE.resx KEY=VALUE ... : creates or updates a .resx file (adds/replaces keys)."""
import sys, os, xml.etree.ElementTree as ET
HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
'''
path = sys.argv[1]
if not os.path.exists(path):
    open(path, 'w', encoding='utf-8').write(HEADER)
tree = ET.parse(path); root = tree.getroot()
for arg in sys.argv[2:]:
    k, v = arg.split('=', 1)
    for d in root.findall('data'):
        if d.get('name') == k: root.remove(d)
    d = ET.SubElement(root, 'data', {'name': k, '{http://www.w3.org/XML/1998/namespace}space': 'preserve'})
    ET.SubElement(d, 'value').text = v
ET.indent(tree, '  ')
tree.write(path, encoding='utf-8', xml_declaration=True)
