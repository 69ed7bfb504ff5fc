<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../core/charts.py" line="206"/>
        <source>Renewable share</source>
        <translation>可再生能源占比</translation>
    </message>
    <message>
        <location filename="../../core/charts.py" line="229"/>
        <location filename="../../core/charts.py" line="270"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../core/charts.py" line="308"/>
        <location filename="../../core/charts.py" line="358"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../core/charts.py" line="404"/>
        <source>Initiatives</source>
        <translation>减排举措</translation>
    </message>
    <message>
        <location filename="../../core/charts.py" line="411"/>
        <source>Business units</source>
        <translation>业务单元</translation>
    </message>
    <message>
        <location filename="../../core/charts.py" line="421"/>
        <source>Avoided (renewables, not in the inventory)</source>
        <translation>避免排放（可再生能源，不计入清单）</translation>
    </message>
    <message>
        <location filename="../../core/charts.py" line="530"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../core/charts.py" line="561"/>
        <source>Location-based</source>
        <translation>基于位置</translation>
    </message>
    <message>
        <location filename="../../core/charts.py" line="562"/>
        <source>Market-based</source>
        <translation>基于市场</translation>
    </message>
    <message>
        <location filename="../../core/charts.py" line="565"/>
        <source>Site and year</source>
        <translation>站点与年份</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gui/about.py" line="98"/>
        <source>About GreenLedger</source>
        <translation>关于 GreenLedger</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="107"/>
        <source>Carbon accounting for e-commerce and logistics analysts: energy mix, deliveries, packaging, initiatives; location- and market-based Scope 2, avoided emissions and equivalents.</source>
        <translation>面向电商与物流分析师的碳核算工具：能源结构、配送、包装、减排举措；基于位置与基于市场的范围二排放、避免排放及等效换算。</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="112"/>
        <source>Built-in factor library: {0} (released {1})</source>
        <translation>内置排放因子库：{0}（发布于 {1}）</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="114"/>
        <source>This workspace&apos;s factor library: {0}</source>
        <translation>本工作区使用的因子库：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="116"/>
        <source>A different library is built in: greenledger factors update previews the change.</source>
        <translation>内置因子库版本不同：运行 greenledger factors update 可预览变更。</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="118"/>
        <source>Python {0} · Qt {1} · PySide6 {2} · pyqtgraph {3}</source>
        <translation>Python {0} · Qt {1} · PySide6 {2} · pyqtgraph {3}</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="123"/>
        <source>GreenLedger is MIT-licensed. It bundles these components under their own licenses:</source>
        <translation>GreenLedger 以 MIT 许可证发布，并随附以下组件（各自遵循其许可证）：</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="127"/>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="127"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="128"/>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="140"/>
        <source>Qt and PySide6 are used under the GNU LGPL v3 as shared libraries you may replace; their sources are at qt.io and code.qt.io. License texts are in the licenses folder that ships with the application.</source>
        <translation>Qt 与 PySide6 依据 GNU LGPL v3 以可替换的共享库形式使用，源代码见 qt.io 与 code.qt.io。许可证全文位于随应用提供的 licenses 文件夹中。</translation>
    </message>
</context>
<context>
    <name>AddRowDialog</name>
    <message>
        <location filename="../../gui/add_row_dialog.py" line="37"/>
        <source>Add a row: {0}</source>
        <translation>添加一行：{0}</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../gui/factors_view.py" line="17"/>
        <location filename="../../gui/field_labels.py" line="7"/>
        <source>Key</source>
        <translation>因子键</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="18"/>
        <location filename="../../gui/field_labels.py" line="8"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="19"/>
        <location filename="../../gui/field_labels.py" line="9"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="20"/>
        <location filename="../../gui/field_labels.py" line="10"/>
        <location filename="../../gui/problems_dialog.py" line="31"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="21"/>
        <location filename="../../gui/field_labels.py" line="11"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="22"/>
        <source>Gas basis</source>
        <translation>气体口径</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="23"/>
        <location filename="../../gui/field_labels.py" line="12"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="24"/>
        <source>Quality</source>
        <translation>数据质量</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="25"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="13"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="14"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="15"/>
        <source>Grid region</source>
        <translation>电网区域</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="16"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="17"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="18"/>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="19"/>
        <source>End</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="20"/>
        <source>Baseline</source>
        <translation>基准活动</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="21"/>
        <source>Period start</source>
        <translation>期间开始</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="22"/>
        <source>Period end</source>
        <translation>期间结束</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="23"/>
        <source>Energy (kWh)</source>
        <translation>电量（千瓦时）</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="24"/>
        <source>Instrument</source>
        <translation>采购方式</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="25"/>
        <source>Business unit</source>
        <translation>业务单元</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="26"/>
        <location filename="../../gui/record_model.py" line="78"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="27"/>
        <source>Vehicle</source>
        <translation>车辆类型</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="28"/>
        <source>Distance (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="29"/>
        <location filename="../../gui/record_model.py" line="32"/>
        <location filename="../../gui/record_model.py" line="60"/>
        <source>Emissions (t CO2e)</source>
        <translation>排放量（吨二氧化碳当量）</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="30"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="31"/>
        <source>Quantity (kg)</source>
        <translation>数量（千克）</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="32"/>
        <source>Recycled content (%)</source>
        <translation>再生料含量（%）</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="33"/>
        <source>Initiative</source>
        <translation>减排举措</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="34"/>
        <source>Activity</source>
        <translation>活动量</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="35"/>
        <source>Activity unit</source>
        <translation>活动量单位</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="36"/>
        <source>Factor (kg CO2e per unit)</source>
        <translation>因子（千克二氧化碳当量/单位）</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="37"/>
        <source>Reduction (t CO2e)</source>
        <translation>减排量（吨二氧化碳当量）</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="12"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="13"/>
        <location filename="../../gui/problems_dialog.py" line="27"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="14"/>
        <source>Imported at (UTC)</source>
        <translation>导入时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="15"/>
        <source>Sheets</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="16"/>
        <source>Rows read</source>
        <translation>读取行数</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="17"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="18"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="19"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="20"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="28"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="29"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="30"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="32"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="26"/>
        <source>Grid factor (kg CO2/kWh)</source>
        <translation>电网排放因子（千克二氧化碳/千瓦时）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="36"/>
        <source>Location-based Scope 2 (grid-delivered kWh × grid factor); Scope 1 for diesel</source>
        <translation>基于位置的范围二排放（电网供电量 × 电网排放因子）；柴油计入范围一</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="41"/>
        <location filename="../../gui/record_model.py" line="75"/>
        <location filename="../../gui/record_model.py" line="97"/>
        <source>Avoided (t CO2e)</source>
        <translation>避免排放（吨二氧化碳当量）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="45"/>
        <source>Renewable kWh × grid factor: reported beside the inventory, never netted</source>
        <translation>可再生电量 × 电网排放因子：与排放清单并列报告，不作抵扣</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="51"/>
        <source>Emissions used (t CO2e)</source>
        <translation>采用的排放量（吨二氧化碳当量）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="53"/>
        <location filename="../../gui/record_model.py" line="86"/>
        <source>Intensity (kg CO2e/order)</source>
        <translation>碳排放强度（千克二氧化碳当量/单）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="64"/>
        <source>Reduction used (t CO2e)</source>
        <translation>采用的减排量（吨二氧化碳当量）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="68"/>
        <source>Energy, all years (kWh)</source>
        <translation>历年总电量（千瓦时）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="70"/>
        <source>Renewable share (%)</source>
        <translation>可再生能源占比（%）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="80"/>
        <source>Delivery emissions (t CO2e)</source>
        <translation>配送排放（吨二氧化碳当量）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="92"/>
        <source>Change vs baseline (%)</source>
        <translation>较基准变化（%）</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../gui/dashboard_view.py" line="47"/>
        <source>kt CO2e</source>
        <translation>千吨二氧化碳当量</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="47"/>
        <source>t CO2e</source>
        <translation>吨二氧化碳当量</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="58"/>
        <source>Delivery intensity, {0} vs {1}</source>
        <translation>配送碳排放强度：{0} 对比 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="61"/>
        <source>{0} kg CO2e per order, was {1}</source>
        <translation>每单 {0} 千克二氧化碳当量，此前为 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="79"/>
        <source>Renewable share, {0} {1}</source>
        <translation>可再生能源占比：{0}（{1} 年）</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="82"/>
        <source>{0} of {1} kWh</source>
        <translation>{1} 千瓦时中的 {0} 千瓦时</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="91"/>
        <source>Avoided emissions, {0}</source>
        <translation>避免排放（{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="94"/>
        <source>renewable kWh × grid factor; beside the inventory, not deducted</source>
        <translation>可再生电量 × 电网排放因子；与清单并列，不作抵扣</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="106"/>
        <source>Initiative reductions</source>
        <translation>减排举措的减排量</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="109"/>
        <source>{0} initiatives</source>
        <translation>{0} 项举措</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="117"/>
        <source>Avoided + reduced, as {0}</source>
        <translation>避免排放 + 减排量，折合{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="120"/>
        <source>{0}; {1} kg CO2e each ({2})</source>
        <translation>{0}；每单位 {1} 千克二氧化碳当量（{2}）</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../gui/dashboard_view.py" line="271"/>
        <source>Drawing charts…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="300"/>
        <source>&lt;h2&gt;This workspace is empty&lt;/h2&gt;&lt;p&gt;Import a workbook of your energy, deliveries, packaging and initiatives (File › Import workbook, Ctrl+I, or drop the file on this window).&lt;br&gt;No workbook yet? Download the template, fill it in, and import it.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;此工作区还没有数据&lt;/h2&gt;&lt;p&gt;请导入包含能源、配送、包装和减排举措数据的工作簿（文件 › 导入工作簿，Ctrl+I，或将文件拖到本窗口）。&lt;br&gt;还没有工作簿？下载模板，填写后再导入。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="309"/>
        <source>&amp;Import workbook…</source>
        <translation>导入工作簿(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="310"/>
        <source>Download &amp;template…</source>
        <translation>下载模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="428"/>
        <source>No chart has data for these filters.</source>
        <translation>当前筛选条件下没有可显示的图表数据。</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <location filename="../../gui/edit_controller.py" line="19"/>
        <source>read-only: this workspace is open in another GreenLedger window; close it there to make changes here</source>
        <translation>只读：此工作区已在另一个 GreenLedger 窗口中打开；请先在那里关闭，才能在此修改</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="48"/>
        <source>Undo import of {0}</source>
        <translation>撤销导入 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="121"/>
        <source>the workspace is closed</source>
        <translation>工作区已关闭</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="135"/>
        <source>Delete {0} row(s)</source>
        <translation>删除 {0} 行</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../gui/error_dialog.py" line="30"/>
        <source>GreenLedger: unexpected error</source>
        <translation>GreenLedger：意外错误</translation>
    </message>
    <message>
        <location filename="../../gui/error_dialog.py" line="34"/>
        <source>&lt;b&gt;Something went wrong.&lt;/b&gt;&lt;br&gt;{0}&lt;br&gt;&lt;br&gt;Nothing you entered before this was lost: every change is saved as it is made. The details were written to {1}.</source>
        <translation>&lt;b&gt;出现了问题。&lt;/b&gt;&lt;br&gt;{0}&lt;br&gt;&lt;br&gt;此前输入的内容都没有丢失：每次修改都会立即保存。详细信息已写入 {1}。</translation>
    </message>
    <message>
        <location filename="../../gui/error_dialog.py" line="44"/>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="32"/>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="33"/>
        <source>SVG vector image</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="34"/>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="35"/>
        <source>Data as Excel workbook</source>
        <translation>数据（Excel 工作簿）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="36"/>
        <source>Data as CSV</source>
        <translation>数据（CSV）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="37"/>
        <source>16:9 slide (1920 × 1080)</source>
        <translation>16:9 幻灯片（1920 × 1080）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="38"/>
        <source>4:3 slide (1440 × 1080)</source>
        <translation>4:3 幻灯片（1440 × 1080）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="39"/>
        <source>A4 width at 300 dpi (2480 × 1748)</source>
        <translation>A4 宽度，300 dpi（2480 × 1748）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="40"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="49"/>
        <location filename="../../gui/charts/export_dialog.py" line="166"/>
        <location filename="../../gui/charts/export_dialog.py" line="193"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="56"/>
        <source>Every chart as a PowerPoint deck (.pptx)</source>
        <translation>全部图表导出为 PowerPoint 演示文稿（.pptx）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="66"/>
        <source>&amp;Transparent background</source>
        <translation>透明背景(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="75"/>
        <source>&amp;Chart:</source>
        <translation>图表(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="76"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="77"/>
        <source>&amp;Size:</source>
        <translation>尺寸(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="78"/>
        <source>Pixels:</source>
        <translation>像素：</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="81"/>
        <source>Filters: {0}</source>
        <translation>筛选条件：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="85"/>
        <source>Copy to c&amp;lipboard</source>
        <translation>复制到剪贴板(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="87"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="151"/>
        <source>{0} × {1} px, {2:.1f} × {3:.1f} cm at {4} dpi</source>
        <translation>{0} × {1} 像素，{2:.1f} × {3:.1f} 厘米（{4} dpi）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="194"/>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>FactorsView</name>
    <message>
        <location filename="../../gui/factors_view.py" line="58"/>
        <source>No workspace factors: every figure uses the built-in library below. Add one to override a library factor.</source>
        <translation>工作区中没有自定义因子：所有数据均使用下方的内置因子库。添加一个因子即可覆盖因子库中的对应因子。</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="69"/>
        <source>&lt;b&gt;Workspace factors&lt;/b&gt; (editable; they win over the library)</source>
        <translation>&lt;b&gt;工作区因子&lt;/b&gt;（可编辑；优先于因子库）</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="85"/>
        <source>&lt;b&gt;Built-in library {0}&lt;/b&gt; (read-only, {1} factors)</source>
        <translation>&lt;b&gt;内置因子库 {0}&lt;/b&gt;（只读，共 {1} 个因子）</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../gui/dashboard_view.py" line="172"/>
        <source>t CO2e</source>
        <translation>吨二氧化碳当量</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="173"/>
        <source>kt CO2e</source>
        <translation>千吨二氧化碳当量</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="178"/>
        <source>&amp;Site:</source>
        <translation>站点(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="179"/>
        <source>&amp;Campaign:</source>
        <translation>活动(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="180"/>
        <source>&amp;Years:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="182"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="190"/>
        <source>&amp;Reset filters</source>
        <translation>重置筛选(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="205"/>
        <source>All sites</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="206"/>
        <source>All campaigns</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="207"/>
        <source>first</source>
        <translation>最早</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="208"/>
        <source>last</source>
        <translation>最晚</translation>
    </message>
</context>
<context>
    <name>ImportAssistant</name>
    <message>
        <location filename="../../gui/import_assistant.py" line="156"/>
        <source>Import {0}</source>
        <translation>导入 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="170"/>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="179"/>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="186"/>
        <source>from headers</source>
        <translation>取自表头</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="188"/>
        <source>The year of month headers that give none (1月, Jan)</source>
        <translation>表头只写月份时（如 1月、Jan）所属的年份</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="190"/>
        <source>&amp;Save as profile…</source>
        <translation>保存为方案(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="193"/>
        <source>S&amp;heet:</source>
        <translation>工作表(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="194"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="195"/>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="196"/>
        <source>&amp;Profile:</source>
        <translation>导入方案(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="213"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="213"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="213"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="213"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="213"/>
        <source>How</source>
        <translation>识别依据</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="230"/>
        <source>Rows as they will be stored</source>
        <translation>将要保存的行</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="231"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="242"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="282"/>
        <source>This file cannot be imported.</source>
        <translation>此文件无法导入。</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="304"/>
        <location filename="../../gui/import_assistant.py" line="333"/>
        <source> (not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="320"/>
        <source>Analysing {0}…</source>
        <translation>正在分析 {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="370"/>
        <source>&amp;Import {0} rows</source>
        <translation>导入 {0} 行(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="372"/>
        <source>{0} sheet(s) to import, {1} rows; {2} problem(s)</source>
        <translation>待导入 {0} 个工作表，共 {1} 行；{2} 个问题</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="383"/>
        <source>Not imported: {0}</source>
        <translation>不导入：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="385"/>
        <source>GreenLedger template sheet ({0}): {1} rows</source>
        <translation>GreenLedger 模板工作表（{0}）：{1} 行</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="389"/>
        <source>{0} sheet, {1:.0%} sure · {2} · {3} rows</source>
        <translation>{0}工作表，把握 {1:.0%} · {2} · {3} 行</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="397"/>
        <source>profile “{0}” applied</source>
        <translation>已应用方案“{0}”</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="413"/>
        <source>— ignore —</source>
        <translation>— 忽略 —</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="419"/>
        <source>{0} of {1}</source>
        <translation>{1} 的{0}</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="437"/>
        <source>unit from: {0}</source>
        <translation>单位来源：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="437"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="465"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="479"/>
        <source>Totals as stored: {0}</source>
        <translation>保存后的合计：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="498"/>
        <source>Problems ({0})</source>
        <translation>问题（{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="550"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="594"/>
        <location filename="../../gui/import_assistant.py" line="604"/>
        <source>Save profile</source>
        <translation>保存导入方案</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="595"/>
        <source>Profile name:</source>
        <translation>方案名称：</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="612"/>
        <source>Profile “{0}” saved in this workspace</source>
        <translation>方案“{0}”已保存到此工作区</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="632"/>
        <source>Period (month, quarter or year)</source>
        <translation>期间（月、季度或年）</translation>
    </message>
</context>
<context>
    <name>ImportStatusView</name>
    <message>
        <location filename="../../gui/import_status_view.py" line="17"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/import_status_view.py" line="27"/>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/import_status_view.py" line="40"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ImportsView</name>
    <message>
        <location filename="../../gui/imports_view.py" line="41"/>
        <source>No imports yet. Import a workbook with File › Import workbook (Ctrl+I) or drop it on the window.</source>
        <translation>还没有导入记录。请通过 文件 › 导入工作簿（Ctrl+I）导入，或将工作簿拖到窗口上。</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="49"/>
        <source>&amp;Undo import</source>
        <translation>撤销导入(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="51"/>
        <source>Remove every row the selected import wrote (Ctrl+Z restores it)</source>
        <translation>删除所选导入写入的所有行（Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="63"/>
        <source>Select an import first</source>
        <translation>请先选择一次导入</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../gui/field_labels.py" line="40"/>
        <source>factors</source>
        <translation>排放因子</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="41"/>
        <source>sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="42"/>
        <source>campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="43"/>
        <source>energy</source>
        <translation>能源</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="44"/>
        <source>deliveries</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="45"/>
        <source>packaging</source>
        <translation>包装</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="46"/>
        <source>initiatives</source>
        <translation>减排举措</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="50"/>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="51"/>
        <source>Energy</source>
        <translation>能源</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="52"/>
        <source>Deliveries</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="53"/>
        <source>Packaging</source>
        <translation>包装</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="54"/>
        <source>Initiatives</source>
        <translation>减排举措</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="55"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="56"/>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="57"/>
        <source>Factors</source>
        <translation>排放因子</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="58"/>
        <source>Imports</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="61"/>
        <source>No energy rows yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.</source>
        <translation>还没有能源数据：导入工作簿（Ctrl+I）、从 Excel 粘贴（Ctrl+V）或添加一行。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="65"/>
        <source>No deliveries rows yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.</source>
        <translation>还没有配送数据：导入工作簿（Ctrl+I）、从 Excel 粘贴（Ctrl+V）或添加一行。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="69"/>
        <source>No packaging rows yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.</source>
        <translation>还没有包装数据：导入工作簿（Ctrl+I）、从 Excel 粘贴（Ctrl+V）或添加一行。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="73"/>
        <source>No initiatives yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.</source>
        <translation>还没有减排举措：导入工作簿（Ctrl+I）、从 Excel 粘贴（Ctrl+V）或添加一行。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="77"/>
        <source>No sites yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.</source>
        <translation>还没有站点：导入工作簿（Ctrl+I）、从 Excel 粘贴（Ctrl+V）或添加一行。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="80"/>
        <source>No campaigns yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.</source>
        <translation>还没有活动：导入工作簿（Ctrl+I）、从 Excel 粘贴（Ctrl+V）或添加一行。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="156"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="157"/>
        <source>&amp;New workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="158"/>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="159"/>
        <source>&amp;Recent workspaces</source>
        <translation>最近的工作区(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="162"/>
        <source>&amp;Import workbook…</source>
        <translation>导入工作簿(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="164"/>
        <source>Download &amp;template…</source>
        <translation>下载模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="167"/>
        <source>&amp;Export chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="170"/>
        <source>Export &amp;deck (PowerPoint)…</source>
        <translation>导出演示文稿(&amp;D)（PowerPoint）…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="173"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="174"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="176"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="178"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="182"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="183"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="185"/>
        <source>&amp;Delete rows</source>
        <translation>删除行(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="187"/>
        <source>&amp;Add row…</source>
        <translation>添加行(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="188"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="197"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="200"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="208"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="209"/>
        <source>&amp;About GreenLedger</source>
        <translation>关于 GreenLedger(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="248"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="251"/>
        <source>Read-only (open in another window) · </source>
        <translation>只读（已在另一个窗口中打开）· </translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="321"/>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="323"/>
        <location filename="../../gui/main_window.py" line="333"/>
        <source>GreenLedger workspaces</source>
        <translation>GreenLedger 工作区</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="331"/>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="333"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="352"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="365"/>
        <source>Download template</source>
        <translation>下载模板</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="367"/>
        <source>Excel workbooks</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="373"/>
        <source>Template written to {0}</source>
        <translation>模板已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="383"/>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="385"/>
        <source>Import {0} undone (Ctrl+Z restores it)</source>
        <translation>已撤销第 {0} 次导入（Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="404"/>
        <source>Import workbook</source>
        <translation>导入工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="404"/>
        <source>Workbooks</source>
        <translation>工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="429"/>
        <source>An import is already running</source>
        <translation>已有导入正在进行</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="449"/>
        <source>{0}: imported {1} new and {2} updated rows</source>
        <translation>{0}：导入新增 {1} 行，更新 {2} 行</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="453"/>
        <source>{0}: nothing new; every row is already in the workspace</source>
        <translation>{0}：没有新数据，所有行都已在工作区中</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="457"/>
        <source>Import refused: nothing was written</source>
        <translation>导入被拒绝：未写入任何数据</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../core/errors.py" line="48"/>
        <source>row {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="62"/>
        <source>unknown unit {unit}</source>
        <translation>无法识别的单位 {unit}</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="65"/>
        <source>a true/false value where a number is needed</source>
        <translation>此处需要数字，但填写的是真/假值</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="66"/>
        <source>a date where a number is needed</source>
        <translation>此处需要数字，但填写的是日期</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="67"/>
        <source>not a finite number</source>
        <translation>不是有限数值</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="68"/>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="69"/>
        <source>a true/false value where a date is needed</source>
        <translation>此处需要日期，但填写的是真/假值</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="70"/>
        <source>a number that is not a date</source>
        <translation>该数字不是日期</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="71"/>
        <source>not a date (use 2021-06-18, 2021/6/18 or 2021年6月18日)</source>
        <translation>不是日期（请使用 2021-06-18、2021/6/18 或 2021年6月18日）</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="72"/>
        <source>not a valid calendar date</source>
        <translation>不是有效的日历日期</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="73"/>
        <source>not a year between 1900 and 2100</source>
        <translation>不是 1900 到 2100 之间的年份</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="74"/>
        <source>required value missing</source>
        <translation>缺少必填值</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="75"/>
        <source>negative quantities are not allowed</source>
        <translation>数量不能为负</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="76"/>
        <source>a percentage must be between 0 and 100</source>
        <translation>百分比必须在 0 到 100 之间</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="77"/>
        <source>unknown baseline campaign</source>
        <translation>未知的基准活动</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="78"/>
        <source>not g, kg or t</source>
        <translation>不是 g、kg 或 t</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="79"/>
        <source>unknown site</source>
        <translation>未知站点</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="80"/>
        <source>unknown campaign</source>
        <translation>未知活动</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="98"/>
        <source>import refused: {0} problem(s); nothing was written</source>
        <translation>导入被拒绝：发现 {0} 个问题；未写入任何数据</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="101"/>
        <source>import cancelled; nothing was written</source>
        <translation>导入已取消；未写入任何数据</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../gui/problems_dialog.py" line="54"/>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="75"/>
        <source>{0} problem(s). Correct them and try again.</source>
        <translation>共 {0} 个问题。请更正后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="87"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="88"/>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="111"/>
        <source>Save problems</source>
        <translation>保存问题列表</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="111"/>
        <source>Text files</source>
        <translation>文本文件</translation>
    </message>
</context>
<context>
    <name>SheetModel</name>
    <message>
        <location filename="../../gui/import_assistant.py" line="111"/>
        <source>header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="115"/>
        <source>header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <location filename="../../gui/import_assistant.py" line="119"/>
        <source>outside the data block</source>
        <translation>数据区之外</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <location filename="../../gui/table_model.py" line="169"/>
        <source>Computed, read-only</source>
        <translation>计算得出，只读</translation>
    </message>
</context>
<context>
    <name>TableView</name>
    <message>
        <location filename="../../gui/table_view.py" line="36"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="37"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="39"/>
        <location filename="../../gui/table_view.py" line="40"/>
        <location filename="../../gui/table_view.py" line="41"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="121"/>
        <source>Filter rows…</source>
        <translation>筛选行…</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="142"/>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="169"/>
        <source>&amp;Add row…</source>
        <translation>添加行(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="171"/>
        <source>&amp;Delete rows</source>
        <translation>删除行(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="178"/>
        <source>Double-click a cell to edit · Ctrl+V pastes rows from Excel · shaded columns are computed</source>
        <translation>双击单元格进行编辑 · Ctrl+V 粘贴 Excel 中的行 · 灰底列为计算结果</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="199"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="214"/>
        <source>{0} row(s)</source>
        <translation>{0} 行</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="216"/>
        <source>{0} of {1} row(s)</source>
        <translation>{0} / {1} 行</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="300"/>
        <source>Select the rows to delete first</source>
        <translation>请先选择要删除的行</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="304"/>
        <source>Rows not deleted</source>
        <translation>未删除任何行</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="306"/>
        <source>Deleted {0} row(s) (Ctrl+Z undoes)</source>
        <translation>已删除 {0} 行（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="332"/>
        <source>Copied {0} row(s)</source>
        <translation>已复制 {0} 行</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="359"/>
        <source>Paste refused: nothing was changed</source>
        <translation>粘贴被拒绝：未做任何修改</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="361"/>
        <source>Pasted {0} row(s) (Ctrl+Z undoes)</source>
        <translation>已粘贴 {0} 行（Ctrl+Z 可撤销）</translation>
    </message>
</context>
</TS>
